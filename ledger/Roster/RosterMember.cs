namespace PartyAffairs.Ledger.Roster;

/// <summary>A member as the ledger needs it.</summary>
/// <param name="Id">Member id (the key of every ledger row about the member).</param>
/// <param name="Name">Full name.</param>
/// <param name="Role">Roster role (党员, 党支部书记, 组织委员 …).</param>
/// <param name="Since">The first day the member counts for dues (joining the roster); null: always.</param>
public sealed record RosterMember(string Id, string Name, string Role, DateOnly? Since = null);
