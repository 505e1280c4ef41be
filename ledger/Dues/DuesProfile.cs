namespace PartyAffairs.Ledger.Dues;

/// <summary>One version of a member's dues assessment.</summary>
public sealed record DuesProfile
{
    /// <summary>Category name.</summary>
    public required string Category { get; init; }

    /// <summary>Income base, where the category has one.</summary>
    public decimal? MonthlyIncome { get; init; }

    /// <summary>Share of the income, where the category has one.</summary>
    public decimal? Rate { get; init; }

    /// <summary>What to pay a month.</summary>
    public required decimal MonthlyAmount { get; init; }

    /// <summary>The table's amount when the branch approved another (少交), else null.</summary>
    public decimal? StandardAmount { get; init; }

    /// <summary>The branch's approval, if any.</summary>
    public string? Reason { get; init; }

    /// <summary>First month it applies to (YYYY-MM).</summary>
    public required string EffectiveFrom { get; init; }

    /// <summary>Who set it.</summary>
    public required string SetBy { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset SetAt { get; init; }
}
