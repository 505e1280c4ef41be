namespace PartyAffairs.Scheduler.Completion;

/// <summary>One confirmation: a member (or the branch) did, or was excused from, a duty in a period.</summary>
public sealed record CompletionRecord
{
    /// <summary>The branch.</summary>
    public required string BranchId { get; init; }

    /// <summary>The member, or <see cref="BranchSubject"/> for duties the branch does once.</summary>
    public required string MemberId { get; init; }

    /// <summary>The tracked duty's kind.</summary>
    public required string DutyKind { get; init; }

    /// <summary>The period key (2026-11, 2026-Q4 …).</summary>
    public required string PeriodKey { get; init; }

    /// <summary>Done or leave.</summary>
    public CompletionStatus Status { get; init; } = CompletionStatus.Done;

    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>Id of the activity that confirmed it, for idempotency across channel retries; null for admin entries.</summary>
    public string? SourceActivityId { get; init; }

    /// <summary>The subject id used for duties the branch does once.</summary>
    public const string BranchSubject = "_branch";
}
