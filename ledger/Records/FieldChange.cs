namespace PartyAffairs.Ledger.Records;

/// <summary>One field of a record before and after a change (null: empty).</summary>
/// <param name="Field">kind, date, topic, speaker, hours, notes, attendees or absent.</param>
/// <param name="Before">The value before.</param>
/// <param name="After">The value after.</param>
public sealed record FieldChange(string Field, string? Before, string? After);
