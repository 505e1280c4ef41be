using PartyAffairs.Bot.Conversation.Understanding;
namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“确认” when no dialog awaits it (an open dialog takes it first, see <see cref="Dialogs.DialogSet"/>): nothing to confirm.</summary>
internal sealed class ConfirmCommand : IChatCommand
{
    public string Name => "confirm";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.Confirm;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) => context.SendAsync(Replies.NothingPending, cancellationToken);
}
