namespace PartyAffairs.Bot.Conversation;

/// <summary>A button under a reply: what it shows (and what the member's bubble reads once clicked), and what it sends.</summary>
/// <param name="Title">The button's text, also shown as the member's message once clicked (Web Chat's displayText).</param>
/// <param name="Sends">The text the click sends to the bot (a reminder's “请假 主题党日 2026-12”); the title when null.</param>
internal sealed record ReplyButton(string Title, string? Sends = null)
{
    /// <summary>The text the click sends.</summary>
    public string Text => Sends ?? Title;
}
