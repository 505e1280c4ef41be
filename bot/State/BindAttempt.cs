using PartyAffairs.BotFramework.Http;

namespace PartyAffairs.Bot.State;

/// <summary>A counted bind attempt (<see cref="BindingThrottle"/>).</summary>
public sealed record BindAttempt(IReadOnlyList<AttemptRule> Rules);
