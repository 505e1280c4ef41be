using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>The typed values a message carries. Which ones are set depends on <see cref="IntentResult.Kind"/>; unset ones are null or empty.</summary>
public sealed record IntentEntities
{
    /// <summary>No entities.</summary>
    public static IntentEntities None { get; } = new();

    /// <summary>Canonical duty kinds named, in order (党费, 主题党日, 党小组会, 党课, 党员大会, 支部委员会, 学时, 思想汇报 …).</summary>
    public IReadOnlyList<string> Duties { get; init; } = [];

    /// <summary>A day named (今天, 昨天, 上周五, 12月3日), resolved against <see cref="IntentContext.Today"/>: to the past for completions, to the future for leave.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>A period named (本月, 上个月, 2026-Q3, 今年, the button's 2026-11): the duty's period follows from it or from <see cref="Date"/>.</summary>
    public DutyPeriod? Period { get; init; }

    /// <summary>Dues months named (补交了10、11月党费 → 2026-10, 2026-11), oldest first.</summary>
    public IReadOnlyList<DutyPeriod> Months { get; init; } = [];

    /// <summary>How many months of dues (交了三个月党费 → 3; equals <see cref="Months"/>.Count when months are named).</summary>
    public int? MonthCount { get; init; }

    /// <summary>Study hours (2学时, 1.5小时).</summary>
    public decimal? Hours { get; init; }

    /// <summary>What was studied or the meeting's subject (党的二十大报告; 主题是…).</summary>
    public string? Topic { get; init; }

    /// <summary>A leave reason, canonical when known (出差, 生病, 外出培训, 家中有事, 休假, 值班, 工作冲突), else as written.</summary>
    public string? Reason { get; init; }

    /// <summary>An invite code, normalised (upper case, six characters of the invite alphabet).</summary>
    public string? Code { get; init; }

    /// <summary>A member's name (invite code look-up, dues profile).</summary>
    public string? PersonName { get; init; }

    /// <summary>True for 重发邀请码: a new code replaces the old one.</summary>
    public bool Reissue { get; init; }

    /// <summary>A year (导出台账 2025, 今年, 去年).</summary>
    public int? Year { get; init; }

    /// <summary>A dues category: 在职, 离退休, 学生, 失业, 低保, 农民.</summary>
    public string? DuesCategory { get; init; }

    /// <summary>Monthly income base in yuan (设置党费 张三 在职 8000).</summary>
    public decimal? MonthlyIncome { get; init; }

    /// <summary>The meeting record of a “记录 …” message.</summary>
    public MeetingRecordDraft? Record { get; init; }

    /// <summary>True when the text is a reminder button's own value (已完成/请假 kind period): its period is exact.</summary>
    public bool FromButton { get; init; }

    /// <summary>The ledger number of the notice a 收到 button acknowledges.</summary>
    public long? NoticeNumber { get; init; }

    /// <summary>True for a plain 收到 (收到了, 已收到, 好的收到): it may acknowledge the member's latest notice.</summary>
    public bool AcknowledgesNotice { get; init; }

    /// <summary>Which notice, counted from the latest (1), 通知确认情况 2 asks about.</summary>
    public int? Position { get; init; }
}
