namespace PartyAffairs.Channels;

/// <summary>A proactive send that failed; <see cref="IsTransient"/> tells whether trying again later may succeed.</summary>
public sealed class ChannelDeliveryException : Exception
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

    /// <summary>True for 429, 5xx and network faults.</summary>
    public bool IsTransient { get; }

    /// <summary>How long the channel asked us to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
