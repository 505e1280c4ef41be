using PartyAffairs.Knowledge;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>Answers a question from the knowledge base, with its suggestions as buttons (used by the question command and by confirmations that turn out to be questions).</summary>
internal sealed class KnowledgeAnswers(IKnowledgeBase knowledge)
{
    /// <summary>Asks with the member's role (none when unbound) and sends the answer.</summary>
    public async Task AnswerAsync(CommandContext context, string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = knowledge.Ask(question, context.Member?.Role);
        var buttons = answer.Suggestions.Count > 0
            ? answer.Suggestions.Take(3).ToArray()
            : context.Member is null ? [Replies.ActionHelp] : [Replies.ActionMyDuties, Replies.ActionHelp];
        await context.SendAsync(answer.Answer, cancellationToken, buttons);
    }
}
