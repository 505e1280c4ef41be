namespace PartyAffairs.Bot.Admin;

/// <summary>An unclaimed invite code with the member it binds and when it stops working.</summary>
public sealed record InviteView(string Code, string MemberId, string Name, string Role, DateTimeOffset? ExpiresAt = null);
