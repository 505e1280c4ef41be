using PartyAffairs.Bot.Conversation.Understanding;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“你好”, “在吗”: a greeting with what the bot can do; bound members get 我的待办 as a button.</summary>
internal sealed class GreetingCommand : IChatCommand
{
    public string Name => "greeting";

    public RequiredRole RequiredRole => RequiredRole.Anyone;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.Greeting;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) => context.Member is { } member
        ? context.SendAsync(Replies.Greeting(member.Name), cancellationToken, Replies.ActionMyDuties, Replies.ActionHelp)
        : context.SendAsync(Replies.Greeting(null), cancellationToken, Replies.ActionHelp);
}
