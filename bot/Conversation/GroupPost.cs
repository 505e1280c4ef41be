namespace PartyAffairs.Bot.Conversation;

/// <summary>Whether a group robot posted the notice.</summary>
internal sealed record GroupPost(string ChannelId, bool Posted);
