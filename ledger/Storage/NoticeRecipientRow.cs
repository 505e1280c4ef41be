namespace PartyAffairs.Ledger.Storage;

/// <summary>A member a notice was addressed to (table <c>notice_recipients</c>), with the name then and the delivery state.</summary>
internal sealed class NoticeRecipientRow
{
    public long Id { get; set; }

    public long NoticeId { get; set; }

    public required string MemberId { get; set; }

    public required string Name { get; set; }

    /// <summary>A <see cref="Notices.NoticeDelivery"/> name.</summary>
    public required string Delivery { get; set; }
}
