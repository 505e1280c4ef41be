using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.Ledger.Dues;

/// <summary>Dues settings that the regulation leaves to the province (configuration section <c>Ledger:Dues</c>).</summary>
public sealed class DuesOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Ledger:Dues";

    /// <summary>Lowest monthly amount for farmers (the regulation: 0.2 元).</summary>
    public const decimal FarmerMinimum = 0.20m;

    /// <summary>Highest monthly amount for farmers (the regulation: 1 元).</summary>
    public const decimal FarmerMaximum = 1.00m;

    /// <summary>
    /// What a farmer member pays a month unless the branch sets their amount: the province's figure, between 0.2 and 1 元.
    /// Default 0.2 元, the regulation's lowest (never asks more than the province may).
    /// </summary>
    [Range(typeof(decimal), "0.20", "1.00")]
    public decimal FarmerMonthlyAmount { get; set; } = FarmerMinimum;
}
