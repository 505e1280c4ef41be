namespace PartyAffairs.Bot.Conversation;

/// <summary>Which report a round sends when it is finished (stored with the round, so a resumed round words it the same).</summary>
internal enum NoticeReportKind
{
    /// <summary>No report (leave notes to secretaries).</summary>
    None,

    /// <summary>A secretary's notice: 通知发送完成….</summary>
    Notice,

    /// <summary>A secretary's nudge: 催办“…”完成….</summary>
    Nudge,
}
