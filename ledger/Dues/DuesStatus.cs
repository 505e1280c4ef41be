namespace PartyAffairs.Ledger.Dues;

/// <summary>What became of a dues operation.</summary>
public enum DuesStatus
{
    /// <summary>Saved.</summary>
    Saved,

    /// <summary>Refused: see the errors; nothing changed.</summary>
    Invalid,

    /// <summary>No such branch.</summary>
    BranchNotFound,

    /// <summary>No such member in the branch.</summary>
    MemberNotFound,

    /// <summary>No assessment and no amount given: the amount is unknown.</summary>
    NoProfile,

    /// <summary>Every month asked was paid already (or, for an undo, there was nothing to undo).</summary>
    NothingToDo,
}
