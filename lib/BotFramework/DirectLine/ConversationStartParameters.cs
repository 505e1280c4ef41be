using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>The optional body of token generation and conversation start (TokenParameters, plus the locale DirectLineJS sends).</summary>
internal sealed record ConversationStartParameters(ChannelAccount? User, string? Locale);
