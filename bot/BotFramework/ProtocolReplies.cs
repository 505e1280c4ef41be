namespace PartyAffairs.Bot.BotFramework;

/// <summary>The user-facing text of the protocol layer (Simplified Chinese), kept together for review.</summary>
internal static class ProtocolReplies
{
    /// <summary>Sent when the bot failed on a turn.</summary>
    public const string ServiceUnavailable = "服务暂时不可用，请稍后再试。";

    /// <summary>Sent by the placeholder bot until the conversation logic is registered.</summary>
    public const string NotConfigured = "您好，我是党务提醒助手。对话功能正在配置中，请稍后再试。";

    /// <summary>Sent to a member who posts faster than the rate limit allows.</summary>
    public const string TooManyMessages = "您发送消息过于频繁，请稍后再试。";
}
