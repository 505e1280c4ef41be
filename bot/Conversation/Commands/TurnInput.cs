using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>What commands and dialogs match on: one message as read, who sent it and their open dialog.</summary>
internal sealed record TurnInput
{
    /// <summary>Replies at most this long are read a second time as a reply to an open step (好的, 发吧, 算了).</summary>
    private const int MaxPendingReplyLength = 12;

    /// <summary>The message text as sent, trimmed.</summary>
    public required string Text { get; init; }

    /// <summary>How <see cref="CommandParser"/> reads the text (kept for the phrases it still defines, e.g. duty candidates).</summary>
    public required ParsedCommand Command { get; init; }

    /// <summary>The intent layer's reading (<see cref="IntentRecognizer"/>): what the command table matches on.</summary>
    public required IntentResult Intent { get; init; }

    /// <summary>
    /// For a short text: its reading were a step pending (好的 → <see cref="IntentKind.Confirm"/>), so a dialog can claim it
    /// without reading the store on every turn; null otherwise.
    /// </summary>
    public IntentResult? IfPending { get; init; }

    /// <summary>The context the text was read in (the branch's today, bound, role).</summary>
    public required IntentContext Context { get; init; }

    /// <summary>The roster member bound to the sender, or null.</summary>
    public Member? Member { get; init; }

    /// <summary>
    /// The sender's open dialog step. Read from the store only when some dialog could take this input
    /// (<see cref="Dialogs.IDialog.Continues"/>), so other turns cost no read; null otherwise or when none is open.
    /// </summary>
    public PendingStep? Pending { get; init; }

    /// <summary>The kind read (with a step pending when one is, see <see cref="IfPending"/>).</summary>
    public IntentKind Kind => Pending is not null && IfPending is { } pending ? pending.Kind : Intent.Kind;

    /// <summary>Reads one message; <paramref name="today"/> is the branch's local date (the dispatcher's branch clock).</summary>
    public static TurnInput From(string? text, Member? member, DateOnly today)
    {
        var context = new IntentContext
        {
            Today = today,
            IsBound = member is not null,
            Role = member?.Role,
        };
        var trimmed = text?.Trim() ?? string.Empty;
        var intent = IntentRecognizer.Default.Recognize(trimmed, context);
        var ifPending = member is not null && trimmed.Length <= MaxPendingReplyLength
            && intent.Kind is IntentKind.Thanks or IntentKind.Question or IntentKind.Greeting or IntentKind.Clarify or IntentKind.Help
            ? IntentRecognizer.Default.Recognize(trimmed, context with { HasPendingStep = true })
            : null;
        return new()
        {
            Text = trimmed,
            Command = CommandParser.Parse(text),
            Intent = intent,
            IfPending = ifPending?.Kind is IntentKind.Confirm or IntentKind.Cancel ? ifPending : null,
            Context = context,
            Member = member,
        };
    }
}
