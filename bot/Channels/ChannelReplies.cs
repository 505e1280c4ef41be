namespace PartyAffairs.Bot.Channels;

/// <summary>Every user-facing text of the Channels area, kept together for review.</summary>
internal static class ChannelReplies
{
    /// <summary>Answer to pictures, files, voice and other non-text messages.</summary>
    public const string TextOnly = "目前只支持文字消息，请直接输入文字。";

    /// <summary>Answer when the bot cannot take the turn (no conversation logic configured, or it failed).</summary>
    public const string Unavailable = "服务暂时不可用，请稍后再试。";

    /// <summary>Prefix of the line listing one-tap replies on platforms without buttons.</summary>
    public const string ReplyHintPrefix = "可直接回复：";

    /// <summary>Separator between reply options.</summary>
    public const string ReplyHintSeparator = " / ";

    /// <summary>Title of a DingTalk markdown message when the text gives none.</summary>
    public const string DefaultTitle = "党务提醒";

    /// <summary>The delivery summary a secretary sees after a broadcast or reminder round.</summary>
    public static string DeliverySummary(int delivered, int total, int failed) => failed == 0
        ? $"已送达 {delivered}/{total}"
        : $"已送达 {delivered}/{total}，{failed} 人发送失败";

    /// <summary>A reply option as it appears in the hint line, quoted so it is clear what to type.</summary>
    public static string ReplyOption(string text) => $"「{text}」";
}
