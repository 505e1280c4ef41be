namespace PartyAffairs.Ledger;

/// <summary>Decimal helpers shared by the services.</summary>
internal static class Numbers
{
    /// <summary>Drops trailing zeros a numeric column adds (PostgreSQL numeric(8,2) gives 2.00 for 2), so both stores read the same.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
