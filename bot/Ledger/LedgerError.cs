namespace PartyAffairs.Bot.Ledger;

/// <summary>An error body of the ledger's endpoints: one sentence, and each problem on its own when there are several.</summary>
public sealed record LedgerError(string Error, IReadOnlyList<string>? Errors = null);
