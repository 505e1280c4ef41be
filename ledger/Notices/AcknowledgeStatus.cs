namespace PartyAffairs.Ledger.Notices;

/// <summary>What a member's 收到 did.</summary>
public enum AcknowledgeStatus
{
    /// <summary>Recorded now.</summary>
    Recorded,

    /// <summary>The member had acknowledged this notice before; nothing changed.</summary>
    AlreadyAcknowledged,

    /// <summary>No such notice in the member's branch.</summary>
    NotFound,

    /// <summary>The notice was not addressed to the member.</summary>
    NotAddressed,
}
