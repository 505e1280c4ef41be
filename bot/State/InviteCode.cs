namespace PartyAffairs.Bot.State;

/// <summary>An unclaimed invite code and the member it binds.</summary>
public sealed record InviteCode(string Code, string MemberId);
