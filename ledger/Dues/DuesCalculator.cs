namespace PartyAffairs.Ledger.Dues;

/// <summary>
/// The dues table of 中央组织部《关于中国共产党党费收缴、使用和管理的规定》. In work (monthly after-tax regular income):
/// up to 3000 元 inclusive 0.5 %, above 3000 up to 5000 inclusive 1 %, above 5000 up to 10000 inclusive 1.5 %, above 10000
/// 2 %. Retired (monthly pension): up to 5000 inclusive 0.5 %, above 1 %. Students, the unemployed, those living on
/// relief and 低保 recipients 0.2 元; farmers 0.2–1 元 as the province sets. Amounts in decimal, rounded to the fen
/// half away from zero (四舍五入).
/// </summary>
public sealed class DuesCalculator(DuesOptions options)
{
    /// <summary>The flat monthly amount of students, the unemployed, relief and 低保 recipients.</summary>
    public const decimal FlatAmount = 0.20m;

    /// <summary>The share of a working member's monthly income.</summary>
    public static decimal EmployedRate(decimal monthlyIncome) => monthlyIncome switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(monthlyIncome), monthlyIncome, "Income cannot be negative."),
        <= 3000m => 0.005m,
        <= 5000m => 0.01m,
        <= 10000m => 0.015m,
        _ => 0.02m,
    };

    /// <summary>The share of a retired member's monthly pension.</summary>
    public static decimal RetiredRate(decimal monthlyIncome) => monthlyIncome switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(monthlyIncome), monthlyIncome, "Income cannot be negative."),
        <= 5000m => 0.005m,
        _ => 0.01m,
    };

    /// <summary>Rounds to the fen, half away from zero.</summary>
    public static decimal ToFen(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The monthly dues of <paramref name="category"/>; <paramref name="monthlyIncome"/> is required (and not negative) for
    /// 在职 and 离退休 and ignored otherwise. 免交 is 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The income is missing where required, or negative.</exception>
    public DuesAssessment Assess(DuesCategory category, decimal? monthlyIncome)
    {
        switch (category)
        {
            case DuesCategory.Employed or DuesCategory.Retired:
                if (monthlyIncome is not { } income)
                {
                    throw new ArgumentOutOfRangeException(nameof(monthlyIncome), "The income is required for this category.");
                }

                var rate = category == DuesCategory.Employed ? EmployedRate(income) : RetiredRate(income);
                return new DuesAssessment(category, income, rate, ToFen(income * rate));
            case DuesCategory.Farmer:
                return new DuesAssessment(category, null, null, ToFen(options.FarmerMonthlyAmount));
            case DuesCategory.Exempt:
                return new DuesAssessment(category, null, null, 0.00m);
            default:
                return new DuesAssessment(category, null, null, FlatAmount);
        }
    }
}
