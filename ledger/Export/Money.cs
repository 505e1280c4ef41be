namespace PartyAffairs.Ledger.Export;

/// <summary>An amount in 元, shown with two decimals.</summary>
/// <param name="Amount">The amount.</param>
public readonly record struct Money(decimal Amount);
