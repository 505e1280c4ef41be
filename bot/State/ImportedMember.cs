namespace PartyAffairs.Bot.State;

/// <summary>A member written by a roster import, with the invite code they bind with (null when already bound).</summary>
public sealed record ImportedMember(Member Member, string? InviteCode, bool Created);
