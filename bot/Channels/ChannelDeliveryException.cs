namespace PartyAffairs.Bot.Channels;

/// <summary>A proactive send that failed; <see cref="IsTransient"/> tells whether trying again later may succeed.</summary>
public sealed class ChannelDeliveryException : Exception
{
    public ChannelDeliveryException() { }

    public ChannelDeliveryException(string message) : base(message) { }

    public ChannelDeliveryException(string message, Exception innerException) : base(message, innerException) { }

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
