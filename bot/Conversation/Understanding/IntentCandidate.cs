namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>One reading of an unclear message, for a button: “您是想确认已参加党小组会吗？”.</summary>
/// <param name="Kind"><see cref="IntentKind.Complete"/> or <see cref="IntentKind.Leave"/>.</param>
/// <param name="Duty">The canonical duty kind (党小组会, 党费 …).</param>
public sealed record IntentCandidate(IntentKind Kind, string Duty);
