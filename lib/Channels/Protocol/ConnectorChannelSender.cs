using PartyAffairs.BotFramework.Connector;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Delivery.Pacing;
using PartyAffairs.Delivery.Retry;

namespace PartyAffairs.Channels.Protocol;

/// <summary>
/// Proactive messages for a channel that speaks the Connector REST API (emulator, msteams, …): POST to the stored
/// <c>serviceUrl</c>. Each request takes a permit of its conversation's budget on the shared rate limiter when the channel
/// has one (<see cref="ConnectorLimitOptions"/>; Teams: 7 a second per conversation).
/// </summary>
internal sealed class ConnectorChannelSender(string channelId, ConnectorClient connector, SharedRateLimiter limiter, RateRule? perConversation) : IChannelSender
{
    public string ChannelId { get; } = channelId;

    public Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, DeliveryRetry retry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(retry);
        var replyToId = activity.ReplyToId;
        activity.ApplyConversationReference(reference);
        activity.Type ??= ActivityTypes.Message;
        // A proactive message starts a new thread of the conversation (SendToConversation) unless the caller chose to reply.
        activity.ReplyToId = replyToId;
        var budgets = perConversation is not null && activity.Conversation?.Id is { Length: > 0 } conversationId
            ? new[] { new RateBudget(ChannelRateKeys.Conversation(ChannelId, conversationId), perConversation) }
            : [];
        return retry.RunAsync(ct => SendOnceAsync(activity, budgets, ct), cancellationToken);
    }

    private async Task<ResourceResponse> SendOnceAsync(Activity activity, RateBudget[] budgets, CancellationToken cancellationToken)
    {
        using var permit = await limiter.AcquireAsync(budgets, cancellationToken);
        try
        {
            return await connector.SendAsync(activity, cancellationToken);
        }
        catch (ConnectorException e)
        {
            if (e.RetryAfter is { } wait && wait > TimeSpan.Zero && budgets.Length > 0)
            {
                await limiter.PauseAsync(budgets, wait);
            }

            throw new ChannelDeliveryException(e.Message, e.IsTransient, e.RetryAfter);
        }
    }
}
