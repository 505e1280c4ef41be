using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“帮助”: what the sender can do, by whether they are bound and their role.</summary>
internal sealed class HelpCommand : IChatCommand
{
    public string Name => "help";

    public RequiredRole RequiredRole => RequiredRole.Anyone;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.Help;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) => context.Member switch
    {
        null => context.SendAsync(Replies.HelpUnbound, cancellationToken),
        { } m when MemberRoles.IsSecretary(m.Role) => context.SendAsync(Replies.HelpMember + Replies.HelpSecretaryExtra, cancellationToken, Replies.ActionMyDuties, Replies.ActionStatus),
        _ => context.SendAsync(Replies.HelpMember, cancellationToken, Replies.ActionMyDuties),
    };
}
