namespace PartyAffairs.Ledger.Dues;

/// <summary>A member's monthly dues as the regulation sets them.</summary>
/// <param name="Category">The category.</param>
/// <param name="MonthlyIncome">The income base (在职, 离退休), else null.</param>
/// <param name="Rate">The share of the income (0.005 …), else null for flat amounts.</param>
/// <param name="MonthlyAmount">What to pay a month, to the fen.</param>
public sealed record DuesAssessment(DuesCategory Category, decimal? MonthlyIncome, decimal? Rate, decimal MonthlyAmount);
