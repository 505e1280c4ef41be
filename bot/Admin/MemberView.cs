namespace PartyAffairs.Bot.Admin;

/// <summary>A member as the admin API lists it: whether a chat account is bound, and the pending invite code (with its expiry) if any.</summary>
public sealed record MemberView(
    string Id, string Name, string Role, string? Mobile, bool Bound, IReadOnlyList<string> Accounts, string? InviteCode, DateTimeOffset? InviteExpiresAt = null);
