using PartyAffairs.BotFramework.DirectLine;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Delivery.Retry;

namespace PartyAffairs.Channels.Protocol;

/// <summary>
/// Proactive messages to Direct Line / Web Chat conversations: appended to the stored transcript, delivered by GET and the
/// stream. The transcript is this service's own store, so no platform quota applies (nothing is paced).
/// </summary>
internal sealed class DirectLineChannelSender(string channelId, DirectLineAdapter adapter, IDirectLineStore store) : IChannelSender
{
    public string ChannelId { get; } = channelId;

    public Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, DeliveryRetry retry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(retry);
        var conversationId = reference.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            throw new ChannelDeliveryException("The conversation reference has no conversation id.", isTransient: false);
        }

        return retry.RunAsync(ct => AppendAsync(reference, conversationId, activity, ct), cancellationToken);
    }

    private async Task<ResourceResponse> AppendAsync(ConversationReference reference, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            if (await store.GetConversationAsync(conversationId, cancellationToken) is null)
            {
                throw new ChannelDeliveryException("The Direct Line conversation no longer exists.", isTransient: false);
            }

            var replyToId = activity.ReplyToId;
            activity.ApplyConversationReference(reference);
            activity.ReplyToId = replyToId;
            return await adapter.AppendFromBotAsync(activity, cancellationToken);
        }
        catch (DirectLineStoreUnavailableException)
        {
            throw new ChannelDeliveryException("The transcript store is unavailable.", isTransient: true, retryAfter: TimeSpan.FromSeconds(5));
        }
    }
}
