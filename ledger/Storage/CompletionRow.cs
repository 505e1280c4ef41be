namespace PartyAffairs.Ledger.Storage;

/// <summary>One completion (table <c>completions</c>): a member or the branch did, or was excused from, a duty in a period.</summary>
internal sealed class CompletionRow
{
    public long Id { get; set; }

    public required string BranchId { get; set; }

    /// <summary>The member id, or <c>_branch</c> for duties the branch does once.</summary>
    public required string SubjectId { get; set; }

    public required string DutyKind { get; set; }

    public required string PeriodKey { get; set; }

    /// <summary><c>Done</c> or <c>Leave</c>.</summary>
    public required string Status { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? SourceActivityId { get; set; }

    /// <summary>What wrote it: null for a confirmation (chat, admin, import); <see cref="Origins"/> for derived ones.</summary>
    public string? Origin { get; set; }
}
