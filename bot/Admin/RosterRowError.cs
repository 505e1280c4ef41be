namespace PartyAffairs.Bot.Admin;

/// <summary>Why one roster row was rejected; <see cref="Row"/> is the 1-based line number in the file.</summary>
public sealed record RosterRowError(int Row, string Reason);
