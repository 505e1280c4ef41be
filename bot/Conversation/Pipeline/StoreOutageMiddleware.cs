using PartyAffairs.Bot.Operations;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using IMiddleware = PartyAffairs.BotFramework.Builder.IMiddleware;

namespace PartyAffairs.Bot.Conversation.Pipeline;

/// <summary>
/// A store outage (Redis or the embedded Garnet down, or timing out) anywhere later in a message's turn: a warning in the
/// log and one polite answer, <see cref="Replies.Unavailable"/>, instead of the error handler's. The connection recovers
/// by itself; <see cref="DeduplicationMiddleware"/> forgets the activity so the channel's retry is handled.
/// </summary>
internal sealed class StoreOutageMiddleware(ILogger<StoreOutageMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(cancellationToken);
        }
        catch (Exception e) when (StoreFaults.IsOutage(e) && turnContext.Activity.Type == ActivityTypes.Message)
        {
            ConversationLog.StoreUnavailable(logger, turnContext.Activity.ChannelId, e.GetType().Name);
            TurnMetrics.MarkFailed();
            await ReplyMessage.SendAsync(turnContext, Replies.Unavailable, cancellationToken);
        }
    }
}
