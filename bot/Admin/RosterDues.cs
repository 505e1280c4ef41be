using PartyAffairs.Ledger.Dues;

namespace PartyAffairs.Bot.Admin;

/// <summary>The dues assessment a roster row asks for: <paramref name="RowIndex"/> is its index in <see cref="RosterParseResult.Rows"/>.</summary>
public sealed record RosterDues(int RowIndex, DuesProfileInput Input);
