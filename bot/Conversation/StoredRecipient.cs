using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Bot.Conversation;

/// <summary>A member a stored round reaches, with the conversation it reaches them through.</summary>
internal sealed record StoredRecipient(string MemberId, string Name, ConversationReference Reference);
