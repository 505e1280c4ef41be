namespace PartyAffairs.BotFramework.ChatPage;

/// <summary>What the chat page remembers between visits: its user id and its last conversation (both optional).</summary>
internal sealed record ChatTokenRequest(string? UserId, string? ConversationId);
