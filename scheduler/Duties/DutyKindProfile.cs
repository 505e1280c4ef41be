namespace PartyAffairs.Scheduler.Duties;

/// <summary>
/// What the scheduler knows about a canonical duty kind independent of any document: how to show it, who confirms it,
/// the words members use for it, and the national baseline rule used when no binding document sets one.
/// </summary>
public sealed record DutyKindProfile
{
    /// <summary>Canonical kind, as the knowledge base names it.</summary>
    public required string Kind { get; init; }

    /// <summary>Display title.</summary>
    public required string Title { get; init; }

    /// <summary>Who confirms it.</summary>
    public DutyAudience Audience { get; init; } = DutyAudience.Member;

    /// <summary>Other words for it in chat and in the documents.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Baseline period (ISO 8601) when no binding document sets one; null when the kind is tracked only if a document sets it.</summary>
    public string? BaselinePeriod { get; init; }

    /// <summary>Baseline window (Q4 …), if any.</summary>
    public string? BaselineWindow { get; init; }

    /// <summary>Baseline deadline (--MM-DD), if any.</summary>
    public string? BaselineDeadline { get; init; }

    /// <summary>
    /// For a members' duty, the roster roles it binds when it does not bind every member (思想汇报: 预备党员; members
    /// working away also report, but the roster does not say who is away, so they confirm without being reminded).
    /// Empty: the binding rules decide (every member, or 预备党员 when only they are addressed).
    /// </summary>
    public IReadOnlyList<string> MemberRoles { get; init; } = [];
}
