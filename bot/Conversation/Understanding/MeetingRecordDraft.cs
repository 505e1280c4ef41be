namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>
/// What a secretary's “记录 …” message says about a meeting or activity; fields not written are null or empty.
/// Checking names against the roster and dates against the branch is the ledger's job.
/// </summary>
public sealed record MeetingRecordDraft
{
    /// <summary>The canonical duty kind (党员大会, 支部委员会, 党小组会, 党课, 主题党日 …), or null when none was named.</summary>
    public string? Kind { get; init; }

    /// <summary>The day it took place (12月3日, 昨天, 2026-11-20 …), resolved to the past.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>主题/议题/内容.</summary>
    public string? Topic { get; init; }

    /// <summary>主讲/主讲人/授课人.</summary>
    public string? Speaker { get; init; }

    /// <summary>Named attendees (参加/出席/参会), as written.</summary>
    public IReadOnlyList<string> Attendees { get; init; } = [];

    /// <summary>True for 参加：全体 / 全体党员 / 全员.</summary>
    public bool AllAttended { get; init; }

    /// <summary>A head count when given (到会12人).</summary>
    public int? AttendeeCount { get; init; }

    /// <summary>Absentees with their reasons (缺席：李四（出差）、王五（病假）).</summary>
    public IReadOnlyList<Absence> Absentees { get; init; } = [];

    /// <summary>Study hours the meeting counts for (2学时).</summary>
    public decimal? Hours { get; init; }

    /// <summary>地点.</summary>
    public string? Place { get; init; }

    /// <summary>备注.</summary>
    public string? Notes { get; init; }
}
