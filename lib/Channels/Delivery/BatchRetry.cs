using PartyAffairs.Delivery.Retry;

namespace PartyAffairs.Channels.Delivery;

/// <summary>The one retry layer applied to a send to many recipients: only the recipients that failed transiently are tried again.</summary>
public static class BatchRetry
{
    /// <summary>
    /// Runs <paramref name="attempt"/> on the recipients still pending, at most <see cref="RetryOptions.MaxAttempts"/>
    /// times: each attempt gets the recipients whose previous attempt failed transiently (waiting the longest Retry-After
    /// they carried, or the back-off). Returns every recipient not reached, with its final failure.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, ChannelDeliveryException>> RunAsync(
        DeliveryRetry retry,
        IReadOnlyList<string> recipients,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, ChannelDeliveryException>>> attempt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retry);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(attempt);
        var failed = new Dictionary<string, ChannelDeliveryException>(StringComparer.Ordinal);
        var pending = recipients.Distinct(StringComparer.Ordinal).ToArray();
        if (pending.Length == 0)
        {
            return failed;
        }

        var lastTransient = await retry.RunAsync(
            async (_, ct) =>
            {
                var failures = await attempt(pending, ct);
                var transient = new Dictionary<string, ChannelDeliveryException>(StringComparer.Ordinal);
                foreach (var (id, failure) in failures)
                {
                    if (failure.IsTransient)
                    {
                        transient[id] = failure;
                    }
                    else
                    {
                        failed[id] = failure;
                    }
                }

                pending = [.. transient.Keys];
                return transient;
            },
            transient => transient.Count == 0 ? RetryVerdict.Stop : RetryVerdict.Transient(transient.Values.Max(f => f.RetryAfter)),
            null,
            cancellationToken);
        foreach (var (id, failure) in lastTransient)
        {
            failed[id] = failure;
        }

        return failed;
    }
}
