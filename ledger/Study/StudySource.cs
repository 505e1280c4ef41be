namespace PartyAffairs.Ledger.Study;

/// <summary>Hours a member earned from one source: a record they attended, or their own study entry.</summary>
/// <param name="Date">When.</param>
/// <param name="Hours">Hours.</param>
/// <param name="Kind">The record's kind (党课 …), or 自学 for an own entry.</param>
/// <param name="Topic">Topic or source.</param>
/// <param name="RecordId">The record, for hours from a record.</param>
/// <param name="EntryId">The study entry, for own study.</param>
public sealed record StudySource(DateOnly Date, decimal Hours, string Kind, string? Topic, long? RecordId, long? EntryId)
{
    /// <summary>The kind shown for a member's own study.</summary>
    public const string SelfStudy = "自学";
}
