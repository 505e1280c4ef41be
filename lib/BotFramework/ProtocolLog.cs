namespace PartyAffairs.BotFramework;

/// <summary>Source-generated log messages of the protocol layer. Never logs message text or secrets.</summary>
internal static partial class ProtocolLog
{
    [LoggerMessage(1, LogLevel.Warning, "Rejected an inbound activity: {Status} {Reason}")]
    public static partial void InboundRejected(ILogger logger, int status, string? reason);

    [LoggerMessage(2, LogLevel.Error, "The bot failed on a {ActivityType} activity in channel {ChannelId}")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? activityType, string? channelId);

    [LoggerMessage(3, LogLevel.Warning, "A reply to channel {ChannelId} failed (transient: {Transient}): {Reason}")]
    public static partial void ReplyFailed(ILogger logger, string? channelId, bool transient, string reason);

    [LoggerMessage(4, LogLevel.Information, "DirectLine:Secret is not set: secret-authenticated Direct Line clients are refused; the chat page still works with tokens signed by a key generated at start-up.")]
    public static partial void NoDirectLineSecret(ILogger logger);

    [LoggerMessage(5, LogLevel.Information, "Direct Line transcripts are kept in {Store}")]
    public static partial void TranscriptStore(ILogger logger, string store);

    [LoggerMessage(6, LogLevel.Debug, "Direct Line stream for a conversation closed: {Reason}")]
    public static partial void StreamClosed(ILogger logger, string reason);
}
