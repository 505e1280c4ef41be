namespace PartyAffairs.Ledger.Completion;

/// <summary>What an import from Redis found and wrote.</summary>
/// <param name="Records">Completion records found.</param>
/// <param name="Occurrences">Counted occurrences found.</param>
/// <param name="Written">Rows written (records and occurrences not already in the ledger).</param>
/// <param name="Skipped">Keys or values that could not be read (left in Redis, logged).</param>
public sealed record ImportOutcome(int Records, int Occurrences, int Written, int Skipped);
