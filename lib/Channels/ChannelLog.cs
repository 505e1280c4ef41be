namespace PartyAffairs.Channels;

/// <summary>Source-generated logs of the Channels area. Never secrets, tokens or message bodies.</summary>
internal static partial class ChannelLog
{
    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "{Channel} message {MessageId} already handled")]
    public static partial void Duplicate(ILogger logger, string channel, string messageId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "A channel turn failed: {Error}")]
    public static partial void TurnFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "{Channel} send failed ({Operation}): {Error}")]
    public static partial void SendFailed(ILogger logger, string channel, string operation, string error);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "{Channel} throttled us ({Operation}); pausing {Seconds} s")]
    public static partial void Throttled(ILogger logger, string channel, string operation, double seconds);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "{Channel} callback refused: the inbox is full")]
    public static partial void QueueFull(ILogger logger, string channel);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Recovered {Count} channel turns of instances whose lease expired")]
    public static partial void TurnsRecovered(ILogger logger, int count);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Warning, Message = "{Channel} callback refused: the store is unavailable ({Error})")]
    public static partial void StoreUnavailable(ILogger logger, string channel, string error);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "{Channel} mobile lookup failed ({Error}); the user is asked for an invite code")]
    public static partial void MobileLookupFailed(ILogger logger, string channel, string error);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Debug, Message = "{Channel} contacts gave no mobile number for a user")]
    public static partial void MobileNotProvided(ILogger logger, string channel);
}
