using PartyAffairs.Bot.Conversation.Understanding;
namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“取消” when no dialog awaits it (an open dialog takes it first, see <see cref="Dialogs.DialogSet"/>): nothing to cancel.</summary>
internal sealed class CancelCommand : IChatCommand
{
    public string Name => "cancel";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.Cancel;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) => context.SendAsync(Replies.NothingPending, cancellationToken);
}
