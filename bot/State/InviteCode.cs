namespace PartyAffairs.Bot.State;

/// <summary>An unclaimed invite code, the member it binds and when it stops working (null: a code from before expiry was kept).</summary>
public sealed record InviteCode(string Code, string MemberId, DateTimeOffset? ExpiresAt = null);
