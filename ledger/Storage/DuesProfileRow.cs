namespace PartyAffairs.Ledger.Storage;

/// <summary>One version of a member's dues assessment (table <c>dues_profiles</c>); the latest effective one applies.</summary>
internal sealed class DuesProfileRow
{
    public long Id { get; set; }

    public required string BranchId { get; set; }

    public required string MemberId { get; set; }

    public required string Category { get; set; }

    public decimal? MonthlyIncome { get; set; }

    public decimal? Rate { get; set; }

    public decimal MonthlyAmount { get; set; }

    /// <summary>The branch's approval of a reduced or exempt amount, when there is one.</summary>
    public string? Reason { get; set; }

    /// <summary>First month it applies to (yyyy-MM).</summary>
    public required string EffectiveFrom { get; set; }

    public required string SetBy { get; set; }

    public DateTimeOffset SetAt { get; set; }
}
