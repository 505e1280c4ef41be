namespace PartyAffairs.Ledger.Notices;

/// <summary>A notice as its round is saved: recorded once under <see cref="Key"/>.</summary>
public sealed record NoticeDraft
{
    /// <summary>The sender's own id for the notice (unique; recording it again changes nothing).</summary>
    public required string Key { get; init; }

    /// <summary>The branch.</summary>
    public required string BranchId { get; init; }

    /// <summary>Who sent it (member id, or “office”).</summary>
    public required string SenderId { get; init; }

    /// <summary>The sender's name when sent.</summary>
    public required string SenderName { get; init; }

    /// <summary>The notice text.</summary>
    public required string Text { get; init; }

    /// <summary>When it was sent.</summary>
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>Every member addressed (the unbound ones as <see cref="NoticeDelivery.Unbound"/>).</summary>
    public required IReadOnlyList<NoticeAddressee> Addressees { get; init; }
}
