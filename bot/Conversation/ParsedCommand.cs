namespace PartyAffairs.Bot.Conversation;

/// <summary>A message read as a command, with its argument (the code, duty or notice text), trimmed.</summary>
internal sealed record ParsedCommand(CommandKind Kind, string Argument = "");
