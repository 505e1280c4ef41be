using PartyAffairs.Bot.BotFramework.Schema;

namespace PartyAffairs.Bot.BotFramework.DirectLine;

/// <summary>The optional body of token generation and conversation start (TokenParameters, plus the locale DirectLineJS sends).</summary>
internal sealed record ConversationStartParameters(ChannelAccount? User, string? Locale);
