namespace PartyAffairs.Ledger.Notices;

/// <summary>Where one member's copy of a notice stands.</summary>
public enum NoticeDelivery
{
    /// <summary>Addressed, the round has not reached the member yet.</summary>
    Pending,

    /// <summary>Delivered to the member's chat (送达).</summary>
    Delivered,

    /// <summary>The member has no chat address (未绑定).</summary>
    Unbound,

    /// <summary>The channel refused or failed (失败).</summary>
    Failed,
}
