using PartyAffairs.Knowledge;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Scheduler.Planning.Kinds;

namespace PartyAffairs.Scheduler.Planning;

/// <summary>
/// One reminder occurrence of a branch: what (a typed <see cref="Planning.Kinds.ReminderKind"/> with the facts its words
/// need), about which duties and period, to whom, when, and until when it is still useful. It carries no words: the
/// host's <see cref="Delivery.IReminderWording"/> writes the message.
/// </summary>
public sealed record PlannedReminder
{
    /// <summary>The branch.</summary>
    public required string BranchId { get; init; }

    /// <summary>The trigger group it belongs to.</summary>
    public required ReminderGroup Group { get; init; }

    /// <summary>The duty kinds it is about (several when one event satisfies several duties), the keys of completion records.</summary>
    public required IReadOnlyList<string> Kinds { get; init; }

    /// <summary>The duties' titles as the catalog names them (召开党员大会 …), in the order of <see cref="Kinds"/>.</summary>
    public required IReadOnlyList<string> Titles { get; init; }

    /// <summary>The duty period it belongs to (2026-11, 2026-Q4, 2026 …).</summary>
    public required DutyPeriod Period { get; init; }

    /// <summary>The period's key (2026-11, 2026-Q4, 2026), as stored in occurrence ids and completion records.</summary>
    public string PeriodKey => Period.Key;

    /// <summary>Which reminder of the period it is, with its facts (themed-day lead, dues nudge, due before the deadline …).</summary>
    public required ReminderKind ReminderKind { get; init; }

    /// <summary>Who receives it.</summary>
    public required ReminderAudience Audience { get; init; }

    /// <summary>When it is due (already moved to a working day and out of quiet hours).</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>After this instant it is no longer worth sending.</summary>
    public required DateTimeOffset UsefulUntil { get; init; }

    /// <summary>The last day to act, local: the themed day, the month's last day for dues, the duty's deadline.</summary>
    public DateOnly Deadline { get; init; }

    /// <summary>
    /// True when <see cref="Deadline"/> is simply the end of <see cref="Period"/> (“距季末”); false for a fixed date or a
    /// window's end (“距3月31日截止”).
    /// </summary>
    public bool DeadlineIsPeriodEnd { get; init; } = true;

    /// <summary>Occurrences the period requires (全年不少于四次: 4); reminders stop once the count is reached.</summary>
    public int Required { get; init; } = 1;

    /// <summary>For a pacing reminder of a duty required several times: not sent once this many occurrences are counted.</summary>
    public int? PaceTarget => ReminderKind is DutyPace pace ? pace.Part : null;

    /// <summary>For members' reminders: the roles the duty applies to; empty means every member.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Whether members (or the secretaries) answer it: done, and where each member confirms for themself, leave.</summary>
    public bool Actionable { get; init; } = true;

    /// <summary>The rules it follows, one per duty (duplicates removed), for the citation.</summary>
    public IReadOnlyList<RuleSource> Sources { get; init; } = [];

    /// <summary>For members' reminders with a quota: the amount each member must reach (32 学时); null: none.</summary>
    public DutyQuota? Quota { get; init; }

    /// <summary>The quota of 班子成员 (officers and members the roster marks so: 56 学时); null: <see cref="Quota"/> for everyone.</summary>
    public DutyQuota? TeamQuota { get; init; }

    /// <summary>Whether members away (外出 on the roster at the due time) receive it besides <see cref="Roles"/> (思想汇报).</summary>
    public bool AlsoAway { get; init; }

    /// <summary>
    /// Which variant of the occurrence it is when its words differ by recipient (<c>team</c>: the 班子成员 quota); part of
    /// <see cref="Id"/>. Null for the ordinary occurrence, whose id is unchanged.
    /// </summary>
    public string? Variant { get; init; }

    /// <summary>Stable id of the occurrence: branch, kinds, period, the reminder kind's key and the variant, if any.</summary>
    public string Id => $"{BranchId}:{string.Join('+', Kinds)}:{PeriodKey}:{ReminderKind.Key}{(Variant is null ? string.Empty : "-" + Variant)}";
}
