using Polly;
using Polly.Retry;

namespace PartyAffairs.Channels.Delivery;

/// <summary>Builds the retry pipeline every platform send runs in.</summary>
internal static class DeliveryRetry
{
    /// <summary>
    /// Retries transient <see cref="ChannelDeliveryException"/>s with exponential back-off and jitter, waiting exactly
    /// the platform's <see cref="ChannelDeliveryException.RetryAfter"/> when it gave one.
    /// </summary>
    public static ResiliencePipeline Create(RetryOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ChannelDeliveryException>(e => e.IsTransient),
            MaxRetryAttempts = options.MaxRetries,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Exception is ChannelDeliveryException { RetryAfter: { } after } ? (TimeSpan?)after : null),
        }).Build();
    }
}
