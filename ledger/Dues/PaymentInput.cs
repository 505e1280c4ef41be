namespace PartyAffairs.Ledger.Dues;

/// <summary>A dues payment: which months (or how many: “交了三个月党费”), how much a month, and when.</summary>
public sealed record PaymentInput
{
    /// <summary>The months paid for (YYYY-MM); when empty, <see cref="MonthCount"/> months from the earliest unpaid one.</summary>
    public IReadOnlyList<string>? Months { get; init; }

    /// <summary>How many months (1–24), used when <see cref="Months"/> is empty; default 1.</summary>
    public int? MonthCount { get; init; }

    /// <summary>Amount per month; default: the assessment in force for that month.</summary>
    public decimal? Amount { get; init; }

    /// <summary>When it was paid (YYYY-MM-DD); default today.</summary>
    public string? PaidOn { get; init; }
}
