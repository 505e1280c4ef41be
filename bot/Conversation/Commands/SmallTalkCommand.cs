using PartyAffairs.Bot.Conversation.Understanding;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“谢谢”, “好的”, “再见”: answered politely, nothing else happens.</summary>
internal sealed class SmallTalkCommand : IChatCommand
{
    public string Name => "small-talk";

    public RequiredRole RequiredRole => RequiredRole.Anyone;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind is IntentKind.Thanks or IntentKind.Bye;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        context.SendAsync(context.Input.Intent.Kind == IntentKind.Bye ? Replies.Bye : Replies.Thanks, cancellationToken);
}
