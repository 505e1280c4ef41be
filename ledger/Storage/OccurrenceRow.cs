namespace PartyAffairs.Ledger.Storage;

/// <summary>One counted occurrence of a duty required several times per period (table <c>completion_occurrences</c>).</summary>
internal sealed class OccurrenceRow
{
    public long Id { get; set; }

    public required string BranchId { get; set; }

    public required string SubjectId { get; set; }

    public required string DutyKind { get; set; }

    public required string PeriodKey { get; set; }

    /// <summary>The local date of the occurrence (yyyy-MM-dd): one occurrence per subject and day.</summary>
    public required string OccurrenceKey { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? SourceActivityId { get; set; }

    public string? Origin { get; set; }
}
