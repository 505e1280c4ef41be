namespace PartyAffairs.Ledger.Dues;

/// <summary>A dues assessment as a secretary gives it (admin API body, or a secretary's chat command — never asked in a group).</summary>
public sealed record DuesProfileInput
{
    /// <summary>Category name (在职, 离退休, 学生, 下岗失业, 抚恤救济, 低保, 农民, 免交).</summary>
    public string? Category { get; init; }

    /// <summary>Monthly after-tax regular income, or pension (元); required for 在职 and 离退休.</summary>
    public decimal? MonthlyIncome { get; init; }

    /// <summary>An amount the branch approved instead of the table's (少交/免交), with <see cref="Reason"/>; for 农民 the province's figure.</summary>
    public decimal? MonthlyAmount { get; init; }

    /// <summary>The branch's approval (required for a reduced amount and for 免交).</summary>
    public string? Reason { get; init; }

    /// <summary>First month the assessment applies to (YYYY-MM); default: this month (a raise: 以新工资为基数，重新按比例交纳).</summary>
    public string? EffectiveFrom { get; init; }
}
