namespace PartyAffairs.Channels.DingTalk;

/// <summary>Source-generated logs of the DingTalk adapter. Never secrets, tokens or message bodies.</summary>
internal static partial class DingTalkLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "{Channel} callback rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string channel, string reason);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "{Channel} is not configured; its endpoints answer 404")]
    public static partial void Disabled(ILogger logger, string channel);
}
