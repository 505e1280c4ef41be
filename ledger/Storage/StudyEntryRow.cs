namespace PartyAffairs.Ledger.Storage;

/// <summary>A member's own study entry (table <c>study_entries</c>): hours, what was studied, when.</summary>
internal sealed class StudyEntryRow
{
    public long Id { get; set; }

    public required string BranchId { get; set; }

    public required string MemberId { get; set; }

    public DateOnly Date { get; set; }

    public decimal Hours { get; set; }

    /// <summary>Topic or source (党的二十大报告, 学习强国 …).</summary>
    public required string Topic { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? SourceActivityId { get; set; }
}
