namespace PartyAffairs.Bot.Admin;

/// <summary>Response of a roster import: counts and each imported member with the code they bind with.</summary>
public sealed record ImportResult(int Imported, int Created, int Updated, IReadOnlyList<MemberView> Members);
