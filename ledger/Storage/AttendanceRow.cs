namespace PartyAffairs.Ledger.Storage;

/// <summary>One member's attendance at a record (table <c>record_attendance</c>): present, or absent with an optional reason.</summary>
internal sealed class AttendanceRow
{
    public long Id { get; set; }

    public long RecordId { get; set; }

    public required string MemberId { get; set; }

    /// <summary>The member's name when recorded, so the record reads the same after a roster change.</summary>
    public required string Name { get; set; }

    public bool Present { get; set; }

    public string? Reason { get; set; }

    /// <summary>When the member confirmed their own attendance (chat), if they did.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }
}
