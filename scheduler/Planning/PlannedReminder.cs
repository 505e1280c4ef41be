namespace PartyAffairs.Scheduler.Planning;

/// <summary>One reminder occurrence of a branch: what, for which period, to whom, when, and until when it is still useful.</summary>
public sealed record PlannedReminder
{
    /// <summary>The branch.</summary>
    public required string BranchId { get; init; }

    /// <summary>The trigger group it belongs to.</summary>
    public required ReminderGroup Group { get; init; }

    /// <summary>The duty kinds it is about (several when one event satisfies several duties).</summary>
    public required IReadOnlyList<string> Kinds { get; init; }

    /// <summary>The period key (2026-11, 2026-Q4, 2026).</summary>
    public required string PeriodKey { get; init; }

    /// <summary>Which reminder of the period (themed-3d, dues, dues-nudge-20, due-14d, arrears …).</summary>
    public required string ReminderKind { get; init; }

    /// <summary>Who receives it.</summary>
    public required ReminderAudience Audience { get; init; }

    /// <summary>When it is due (already moved to a working day and out of quiet hours).</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>After this instant it is no longer worth sending.</summary>
    public required DateTimeOffset UsefulUntil { get; init; }

    /// <summary>The message text, or for progress reminders the text before the count is known.</summary>
    public required string Text { get; init; }

    /// <summary>The titles of the duties, for replies and leave notices.</summary>
    public required string Title { get; init; }

    /// <summary>The deadline or event day, local.</summary>
    public DateOnly Day { get; init; }

    /// <summary>For progress reminders: the text factory taking the branch's progress at fan-out.</summary>
    public Func<ReminderProgress, string>? Progress { get; init; }

    /// <summary>Occurrences the period requires (全年不少于四次: 4); reminders stop once the count is reached.</summary>
    public int Required { get; init; } = 1;

    /// <summary>For a pacing reminder of a duty required several times: not sent once this many occurrences are counted.</summary>
    public int? PaceTarget { get; init; }

    /// <summary>For members' reminders: the roles the duty applies to; empty means every member.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Whether the message carries the 已完成 / 请假 buttons.</summary>
    public bool Actionable { get; init; } = true;

    /// <summary>Stable id of the occurrence: branch, kinds, period and reminder kind.</summary>
    public string Id => $"{BranchId}:{string.Join('+', Kinds)}:{PeriodKey}:{ReminderKind}";
}
