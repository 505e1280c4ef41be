using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Channels.Delivery;

/// <summary>A member to reach, and the stored conversation to reach them through.</summary>
public sealed record BroadcastRecipient(string MemberId, ConversationReference Reference);
