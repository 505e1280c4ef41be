namespace PartyAffairs.Ledger.Records;

/// <summary>What became of a record operation.</summary>
public enum RecordStatus
{
    /// <summary>Saved (created, changed, deleted or confirmed).</summary>
    Saved,

    /// <summary>Refused: see the errors; nothing changed.</summary>
    Invalid,

    /// <summary>No such branch.</summary>
    BranchNotFound,

    /// <summary>No such record (or study entry) in the branch.</summary>
    RecordNotFound,

    /// <summary>No such member in the branch.</summary>
    MemberNotFound,
}
