namespace PartyAffairs.Ledger.Records;

/// <summary>One member's attendance at a record.</summary>
/// <param name="MemberId">Member id.</param>
/// <param name="Name">Name when recorded.</param>
/// <param name="Present">Present, or absent.</param>
/// <param name="Reason">The reason for an absence (leave), if any.</param>
/// <param name="ConfirmedAt">When the member confirmed their own attendance, if they did.</param>
public sealed record RecordAttendee(string MemberId, string Name, bool Present, string? Reason, DateTimeOffset? ConfirmedAt);
