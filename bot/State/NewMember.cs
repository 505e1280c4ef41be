namespace PartyAffairs.Bot.State;

/// <summary>A validated roster row to add to a branch.</summary>
public sealed record NewMember(string Name, string Role, string? Mobile, MemberProfile? Profile = null);
