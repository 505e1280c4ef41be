using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using IMiddleware = PartyAffairs.BotFramework.Builder.IMiddleware;

namespace PartyAffairs.Bot.Conversation.Pipeline;

/// <summary>
/// A message a channel delivers again (its retry, same activity id) runs once: later deliveries stop here, unanswered.
/// When the turn fails because the store is down, the mark is forgotten so the channel's retry is handled.
/// </summary>
internal sealed class DeduplicationMiddleware(ActivityDeduplicator deduplicator, ILogger<DeduplicationMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message || activity.Id is not { Length: > 0 } activityId)
        {
            await next(cancellationToken);
            return;
        }

        var channelId = activity.ChannelId ?? "unknown";
        if (!await deduplicator.TryBeginAsync(channelId, activityId, cancellationToken))
        {
            ConversationLog.Duplicate(logger, activityId, channelId);
            return;
        }

        try
        {
            await next(cancellationToken);
        }
        catch (Exception e) when (StoreFaults.IsOutage(e))
        {
            await ForgetQuietlyAsync(channelId, activityId);
            throw;
        }
    }

    private async Task ForgetQuietlyAsync(string channelId, string activityId)
    {
        try
        {
            await deduplicator.ForgetAsync(channelId, activityId);
        }
        catch (Exception e) when (StoreFaults.IsOutage(e))
        {
            // The store is down; the mark expires by itself.
        }
    }
}
