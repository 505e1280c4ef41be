using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>What commands and dialogs match on: one message as read, who sent it and their open dialog.</summary>
internal sealed record TurnInput
{
    /// <summary>The message text as sent, trimmed.</summary>
    public required string Text { get; init; }

    /// <summary>How <see cref="CommandParser"/> reads the text: a kind and its argument.</summary>
    public required ParsedCommand Command { get; init; }

    /// <summary>The intent layer's reading (<see cref="IntentRecognizer"/>) once it is wired into the dispatcher; null until then.</summary>
    public IntentResult? Intent { get; init; }

    /// <summary>The roster member bound to the sender, or null.</summary>
    public Member? Member { get; init; }

    /// <summary>
    /// The sender's open dialog step. Read from the store only when some dialog could take this input
    /// (<see cref="Dialogs.IDialog.Continues"/>), so other turns cost no read; null otherwise or when none is open.
    /// </summary>
    public PendingStep? Pending { get; init; }

    /// <summary>Reads one message.</summary>
    public static TurnInput From(string? text, Member? member) => new()
    {
        Text = text?.Trim() ?? string.Empty,
        Command = CommandParser.Parse(text),
        Member = member,
    };
}
