using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using IMiddleware = PartyAffairs.BotFramework.Builder.IMiddleware;

namespace PartyAffairs.Bot.Conversation.Pipeline;

/// <summary>Answers a message longer than <see cref="MaxTextLength"/> politely; nothing else runs and nothing is written.</summary>
internal sealed class TextLengthMiddleware : IMiddleware
{
    /// <summary>Longest message handled.</summary>
    public const int MaxTextLength = 2000;

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        return activity.Type == ActivityTypes.Message && (activity.Text?.Length ?? 0) > MaxTextLength
            ? ReplyMessage.SendAsync(turnContext, Replies.TooLong, cancellationToken)
            : next(cancellationToken);
    }
}
