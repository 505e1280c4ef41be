using PartyAffairs.Bot.Conversation.Understanding;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>Anything no other command took: a question for the knowledge base (refused with examples when out of scope).</summary>
internal sealed class QuestionCommand(KnowledgeAnswers answers) : IChatCommand
{
    public string Name => "question";

    public RequiredRole RequiredRole => RequiredRole.Anyone;

    public CommandPrecedence Precedence => CommandPrecedence.Fallback;

    public bool Matches(TurnInput input) => true;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var intent = context.Input.Intent;
        return answers.AnswerAsync(context, intent.Kind == IntentKind.Question && intent.Argument.Length > 0 ? intent.Argument : context.Input.Text, cancellationToken);
    }
}
