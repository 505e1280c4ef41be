namespace PartyAffairs.Ledger.Storage;

/// <summary>A meeting or activity record (table <c>meeting_records</c>).</summary>
internal sealed class MeetingRecordRow
{
    public long Id { get; set; }

    public required string BranchId { get; set; }

    public required string Kind { get; set; }

    public DateOnly Date { get; set; }

    public string? Topic { get; set; }

    public string? Speaker { get; set; }

    public decimal? Hours { get; set; }

    public string? Notes { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public List<AttendanceRow> Attendance { get; set; } = [];
}
