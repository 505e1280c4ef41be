namespace PartyAffairs.Channels;

/// <summary>A one-tap reply: the button's <see cref="Title"/> and the message <see cref="Text"/> a tap sends.</summary>
public sealed record ReplyOption(string Title, string Text);
