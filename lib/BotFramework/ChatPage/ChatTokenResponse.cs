using System.Text.Json.Serialization;

namespace PartyAffairs.BotFramework.ChatPage;

/// <summary>A Direct Line token for the chat page, the ids it is bound to, and whether it resumes an earlier conversation.</summary>
internal sealed record ChatTokenResponse(
    string Token,
    string ConversationId,
    string UserId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    bool Resumed);
