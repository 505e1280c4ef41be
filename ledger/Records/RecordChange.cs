namespace PartyAffairs.Ledger.Records;

/// <summary>One entry of a record's audit trail: who did what when, and each field before and after.</summary>
public sealed record RecordChange
{
    /// <summary>created, updated, deleted or confirmed (a member confirmed their own attendance).</summary>
    public required string Action { get; init; }

    /// <summary>Who.</summary>
    public required string Actor { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The fields that changed.</summary>
    public required IReadOnlyList<FieldChange> Changes { get; init; }
}
