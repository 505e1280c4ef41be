using PartyAffairs.Delivery.Retry;

namespace PartyAffairs.Channels;

/// <summary>
/// A send that failed; <see cref="IsTransient"/> tells whether trying again later may succeed. Platform clients throw it
/// for one failed attempt, and the one retry layer (<see cref="DeliveryRetry"/>) decides on it.
/// </summary>
public sealed class ChannelDeliveryException : Exception, IRetryableFailure
{
    /// <summary>A failure that is not transient.</summary>
    public ChannelDeliveryException() { }

    /// <summary>A failure that is not transient.</summary>
    public ChannelDeliveryException(string message) : base(message) { }

    /// <summary>A failure that is not transient, caused by <paramref name="innerException"/>.</summary>
    public ChannelDeliveryException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>A failure, transient or not, with the wait the channel asked for.</summary>
    public ChannelDeliveryException(string message, bool isTransient, TimeSpan? retryAfter = null) : base(message)
    {
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    /// <summary>True for 429, 5xx, network faults, throttling and rejected access tokens.</summary>
    public bool IsTransient { get; }

    /// <summary>How long the channel asked us to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
