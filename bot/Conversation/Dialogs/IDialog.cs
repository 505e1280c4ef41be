using PartyAffairs.Bot.Conversation.Commands;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Dialogs;

/// <summary>
/// A flow of several turns, keyed by <see cref="Kind"/>: a command starts it (<see cref="DialogSet.BeginAsync"/>, which
/// stores a <see cref="PendingStep"/> of this kind), the member's next reply that the dialog takes continues it, and it
/// ends when continued, cancelled, timed out (<see cref="PendingStep.ExpiresAt"/>) or when a turn fails
/// (the error handler ends it). Register with <see cref="ChatCommandServices.AddDialog{TDialog}"/>.
/// </summary>
internal interface IDialog
{
    /// <summary>The <see cref="PendingStep.Kind"/> this dialog continues.</summary>
    string Kind { get; }

    /// <summary>True for a reply this dialog takes (确认, 取消 …). Pure and cheap: the open step is read only when some dialog returns true.</summary>
    bool Continues(TurnInput input);

    /// <summary>
    /// Continues with <paramref name="step"/>, which was taken from the store (so the dialog has ended unless this begins
    /// it again); <paramref name="expired"/> when its time ran out.
    /// </summary>
    Task ContinueAsync(CommandContext context, PendingStep step, bool expired, CancellationToken cancellationToken);
}
