using System.Text.Json.Serialization;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>The Direct Line <c>Conversation</c> object: ids, the token to use next, its lifetime and the stream URL.</summary>
internal sealed record DirectLineConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);
