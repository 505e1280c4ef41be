namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>Who is calling: the secret holder (any conversation), or a token bound to one conversation and user.</summary>
internal sealed record DirectLineCredential(DirectLineCredentialKind Kind, string? ConversationId = null, string? UserId = null)
{
    /// <summary>The secret holder.</summary>
    public static DirectLineCredential Secret { get; } = new(DirectLineCredentialKind.Secret);

    /// <summary>May this credential act on <paramref name="conversationId"/>?</summary>
    public bool Reaches(string conversationId) =>
        Kind == DirectLineCredentialKind.Secret
        || (Kind == DirectLineCredentialKind.Token && string.Equals(ConversationId, conversationId, StringComparison.Ordinal));
}
