namespace PartyAffairs.Ledger.Storage;

/// <summary>A member's 收到 for a notice (table <c>notice_acknowledgements</c>): once per notice and member.</summary>
internal sealed class NoticeAcknowledgementRow
{
    public long Id { get; set; }

    public long NoticeId { get; set; }

    public required string MemberId { get; set; }

    public DateTimeOffset AcknowledgedAt { get; set; }

    public string? SourceActivityId { get; set; }
}
