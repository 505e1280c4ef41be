namespace PartyAffairs.Ledger.Notices;

/// <summary>A recorded notice with its delivery counts and who acknowledged it (addressees in the order they were addressed).</summary>
public sealed record NoticeSummary
{
    /// <summary>The ledger's number for the notice.</summary>
    public required long Id { get; init; }

    /// <summary>The sender's own id for the notice.</summary>
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

    /// <summary>Members addressed.</summary>
    public required int Recipients { get; init; }

    /// <summary>Delivered (送达), unbound (未绑定), failed (失败): null until the round finished.</summary>
    public int? Delivered { get; init; }

    /// <summary>Unbound count (null until finished).</summary>
    public int? Unbound { get; init; }

    /// <summary>Failed count (null until finished).</summary>
    public int? Failed { get; init; }

    /// <summary>True once the round has finished and the counts are final.</summary>
    public bool Finished => Delivered is not null;

    /// <summary>Every member addressed.</summary>
    public required IReadOnlyList<NoticeAddressee> Addressees { get; init; }

    /// <summary>Member ids that acknowledged, with when.</summary>
    public required IReadOnlyDictionary<string, DateTimeOffset> Acknowledged { get; init; }

    /// <summary>Addressees with a chat address: those expected to acknowledge (the n of 已确认 k/n).</summary>
    public IReadOnlyList<NoticeAddressee> Expected => Addressees.Where(a => a.Delivery != NoticeDelivery.Unbound).ToArray();

    /// <summary>Expected addressees who acknowledged.</summary>
    public IReadOnlyList<NoticeAddressee> AcknowledgedBy => Addressees.Where(a => Acknowledged.ContainsKey(a.MemberId)).ToArray();

    /// <summary>Expected addressees who have not acknowledged.</summary>
    public IReadOnlyList<NoticeAddressee> NotAcknowledged => Expected.Where(a => !Acknowledged.ContainsKey(a.MemberId)).ToArray();

    /// <summary>Addressees without a chat address.</summary>
    public IReadOnlyList<NoticeAddressee> UnboundAddressees => Addressees.Where(a => a.Delivery == NoticeDelivery.Unbound).ToArray();
}
