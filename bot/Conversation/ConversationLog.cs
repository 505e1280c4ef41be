namespace PartyAffairs.Bot.Conversation;

/// <summary>Log messages of the Conversation area; never message bodies.</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Proactive delivery to member {MemberId} on {ChannelId} failed: {Error}.")]
    public static partial void DeliveryFailed(ILogger logger, string? channelId, string memberId, string error);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Turn on {ChannelId} failed: the store is unavailable ({Error}).")]
    public static partial void StoreUnavailable(ILogger logger, string? channelId, string error);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Activity {ActivityId} on {ChannelId} was delivered again; ignored.")]
    public static partial void Duplicate(ILogger logger, string activityId, string? channelId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Notice {NoticeId} of branch {BranchId} delivered to {Delivered}/{Total}.")]
    public static partial void NoticeSent(ILogger logger, string noticeId, string branchId, int delivered, int total);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "A notice round failed: {Error}.")]
    public static partial void RoundFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Stopping with {Count} notice rounds unfinished; they are resumed by the next process that starts.")]
    public static partial void RoundsAbandoned(ILogger logger, int count);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Group notice through {ChannelId} failed: {Error}.")]
    public static partial void GroupPostFailed(ILogger logger, string channelId, string error);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Information, Message = "Notice round {RoundId} resumed after an interruption.")]
    public static partial void RoundResumed(ILogger logger, string roundId);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Error, Message = "A {ActivityType} turn on {ChannelId} failed.")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? activityType, string? channelId);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Warning, Message = "Chat commands {First} and {Second} both match one message at the same precedence; {First} runs.")]
    public static partial void AmbiguousCommand(ILogger logger, string first, string second);
}
