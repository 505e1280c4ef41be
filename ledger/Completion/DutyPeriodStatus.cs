namespace PartyAffairs.Ledger.Completion;

/// <summary>One member's (or the branch's) standing on one duty in one period.</summary>
public sealed record DutyPeriodStatus
{
    /// <summary>Member id, or <c>_branch</c>.</summary>
    public required string SubjectId { get; init; }

    /// <summary>Name (支部 for the branch).</summary>
    public required string Name { get; init; }

    /// <summary>Role (empty for the branch).</summary>
    public required string Role { get; init; }

    /// <summary>Tracked kind.</summary>
    public required string DutyKind { get; init; }

    /// <summary>How the duty is shown (交纳党费 …).</summary>
    public required string DutyTitle { get; init; }

    /// <summary>Period key (2026-11, 2026-Q4, 2026 …).</summary>
    public required string PeriodKey { get; init; }

    /// <summary>Done, leave or missing.</summary>
    public required PeriodState State { get; init; }

    /// <summary>Occurrences counted, for duties required several times a period.</summary>
    public int Count { get; init; }

    /// <summary>Occurrences required in the period.</summary>
    public int Required { get; init; } = 1;

    /// <summary>When it was recorded, if it was.</summary>
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>The state in Chinese: 已完成, 请假, 未完成.</summary>
    public string StateText => State switch
    {
        PeriodState.Done => "已完成",
        PeriodState.Leave => "请假",
        _ => "未完成",
    };
}
