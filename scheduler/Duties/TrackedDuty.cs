using PartyAffairs.Knowledge;

namespace PartyAffairs.Scheduler.Duties;

/// <summary>A periodic duty a branch tracks: what members are reminded of, confirm, and secretaries follow up.</summary>
public sealed record TrackedDuty
{
    /// <summary>Canonical kind, the key for completion records (主题党日, 党费, 支部委员会 …).</summary>
    public required string Kind { get; init; }

    /// <summary>How the duty is shown to people (for example “交纳党费”).</summary>
    public required string Title { get; init; }

    /// <summary>ISO 8601 period: P1W, P1M, P2M, P3M, P6M, P1Y.</summary>
    public required string Period { get; init; }

    /// <summary>Minimum number of times per period.</summary>
    public int Count { get; init; } = 1;

    /// <summary>When in the period it is usually done (Q4 …), if the rule says.</summary>
    public string? Window { get; init; }

    /// <summary>Fixed deadline within the period as --MM-DD, if any.</summary>
    public string? Deadline { get; init; }

    /// <summary>Who confirms it: each member, or the branch once.</summary>
    public DutyAudience Audience { get; init; } = DutyAudience.Member;

    /// <summary>Roles the duty applies to; empty means every member of the branch.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Words members use for it in chat (党费, 交党费 …), matched when they confirm.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The amount each member must reach per period (32 学时), from the binding rules addressed to members; null: none.</summary>
    public DutyQuota? Quota { get; init; }

    /// <summary>The amount for the branch's 班子成员 (its officers and members the roster marks so: 56 学时); null: <see cref="Quota"/>.</summary>
    public DutyQuota? TeamQuota { get; init; }

    /// <summary>For 预备党员考察: the period while a probation is extended (P2M); null when no binding rule sets one.</summary>
    public string? ExtendedPeriod { get; init; }

    /// <summary>Whether members away from the branch (外出, from the roster) are bound too (思想汇报).</summary>
    public bool AlsoAway { get; init; }

    /// <summary>The knowledge-base duties (rules with their sources) this entry is built from.</summary>
    public IReadOnlyList<Duty> Rules { get; init; } = [];
}
