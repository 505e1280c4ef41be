namespace PartyAffairs.Ledger.Storage;

/// <summary>Dues paid for one month (table <c>dues_payments</c>); a payment for several months is one row per month with one batch id.</summary>
internal sealed class DuesPaymentRow
{
    public long Id { get; set; }

    public required string BranchId { get; set; }

    public required string MemberId { get; set; }

    /// <summary>The month paid for (yyyy-MM).</summary>
    public required string Month { get; set; }

    public decimal Amount { get; set; }

    public DateOnly PaidOn { get; set; }

    public required string BatchId { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? SourceActivityId { get; set; }
}
