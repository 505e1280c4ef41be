namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>A started Direct Line conversation: its id, the user it belongs to, and when it started.</summary>
public sealed record DirectLineConversation(string Id, string UserId, DateTimeOffset Started);
