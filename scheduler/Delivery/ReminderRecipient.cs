namespace PartyAffairs.Scheduler.Delivery;

/// <summary>A branch member as the scheduler needs them: who, which role, and which channel reaches them.</summary>
public sealed record ReminderRecipient
{
    /// <summary>Member id.</summary>
    public required string MemberId { get; init; }

    /// <summary>Display name (used in the secretary's arrears and leave notices).</summary>
    public required string Name { get; init; }

    /// <summary>Roster role (党员, 党支部书记, 副书记 …).</summary>
    public required string Role { get; init; }

    /// <summary>The channel of the member's preferred conversation; null when the member has never written to the bot.</summary>
    public string? ChannelId { get; init; }

    /// <summary>The first day the member counts for dues arrears (joining the roster); null: always.</summary>
    public DateOnly? Since { get; init; }

    /// <summary>The first day of the member's probation (预备期开始日期), when the roster gives it.</summary>
    public DateOnly? ProbationStart { get; init; }

    /// <summary>The last day of an extended probation (延长 until), when the roster gives one.</summary>
    public DateOnly? ProbationExtendedUntil { get; init; }

    /// <summary>The names of the member's 入党介绍人 (one or two), when the roster gives them.</summary>
    public IReadOnlyList<string> Introducers { get; init; } = [];

    /// <summary>The member's 党小组, when the roster gives one.</summary>
    public string? PartyGroup { get; init; }

    /// <summary>Whether the roster marks the member as a 班子成员 (56 学时 where the documents say so).</summary>
    public bool TeamMember { get; init; }

    /// <summary>The first day the member is away (外出), when the roster gives one.</summary>
    public DateOnly? AwayFrom { get; init; }

    /// <summary>The last day the member is away (外出); null with <see cref="AwayFrom"/> set: open-ended.</summary>
    public DateOnly? AwayUntil { get; init; }

    /// <summary>True when the member is away on <paramref name="day"/>.</summary>
    public bool IsAwayOn(DateOnly day) => AwayFrom is { } from && from <= day && (AwayUntil is not { } until || day <= until);
}
