namespace PartyAffairs.Bot.State;

/// <summary>The outcome of claiming an invite code, with the member concerned when there is one.</summary>
public sealed record BindResult(BindOutcome Outcome, Member? Member);
