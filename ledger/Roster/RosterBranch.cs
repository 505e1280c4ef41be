namespace PartyAffairs.Ledger.Roster;

/// <summary>A branch as the ledger needs it.</summary>
/// <param name="Id">Branch id.</param>
/// <param name="Name">Display name (机关第一党支部).</param>
/// <param name="CreatedAt">When it was added to the roster.</param>
public sealed record RosterBranch(string Id, string Name, DateTimeOffset CreatedAt);
