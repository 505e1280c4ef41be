namespace PartyAffairs.Bot.Conversation;

/// <summary>A notice as the branch's group robots post it.</summary>
internal sealed record GroupNotice(string Title, string Text);
