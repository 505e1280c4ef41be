namespace PartyAffairs.Bot.State;

/// <summary>
/// The optional roster columns that scope reminders to a person (docs/scheduler.md, "Person scoping"): probation dates and
/// introducers, 党小组, 班子成员, 外出. Every field is optional; a member without them gets the general rules.
/// </summary>
public sealed record MemberProfile
{
    /// <summary>预备期开始日期.</summary>
    public DateOnly? ProbationStart { get; init; }

    /// <summary>延长: the last day of an extended probation.</summary>
    public DateOnly? ProbationExtendedUntil { get; init; }

    /// <summary>入党介绍人: one or two member names.</summary>
    public IReadOnlyList<string> Introducers { get; init; } = [];

    /// <summary>党小组.</summary>
    public string? PartyGroup { get; init; }

    /// <summary>班子成员.</summary>
    public bool TeamMember { get; init; }

    /// <summary>外出 from.</summary>
    public DateOnly? AwayFrom { get; init; }

    /// <summary>外出 until (inclusive); null with <see cref="AwayFrom"/> set: open-ended.</summary>
    public DateOnly? AwayUntil { get; init; }
}
