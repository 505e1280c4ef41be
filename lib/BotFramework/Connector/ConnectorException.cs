namespace PartyAffairs.BotFramework.Connector;

/// <summary>A call to a channel's Connector REST API that failed; <see cref="IsTransient"/> tells whether trying again later may succeed.</summary>
public sealed class ConnectorException : Exception
{
    /// <summary>A failure that is not transient.</summary>
    public ConnectorException() { }

    /// <summary>A failure that is not transient.</summary>
    public ConnectorException(string message) : base(message) { }

    /// <summary>A failure that is not transient, caused by <paramref name="innerException"/>.</summary>
    public ConnectorException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>A failure, transient or not, with the wait the channel asked for.</summary>
    public ConnectorException(string message, bool isTransient, TimeSpan? retryAfter = null) : base(message)
    {
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    /// <summary>True for 429, 408, 5xx, network faults and a rejected bot token (401: dropped, the next call fetches a new one).</summary>
    public bool IsTransient { get; }

    /// <summary>How long the channel asked us to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
