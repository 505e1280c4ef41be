namespace PartyAffairs.Bot.Admin;

/// <summary>An admin API error body; <see cref="Rows"/> lists rejected roster rows.</summary>
public sealed record AdminError(string Error, IReadOnlyList<RosterRowError>? Rows = null);
