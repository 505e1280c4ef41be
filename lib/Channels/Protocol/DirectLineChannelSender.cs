using PartyAffairs.BotFramework.DirectLine;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Channels.Protocol;

/// <summary>Proactive messages to Direct Line / Web Chat conversations: appended to the stored transcript, delivered by GET and the stream.</summary>
internal sealed class DirectLineChannelSender(string channelId, DirectLineAdapter adapter, IDirectLineStore store) : IChannelSender
{
    public string ChannelId { get; } = channelId;

    public async Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = reference.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            throw new ChannelDeliveryException("The conversation reference has no conversation id.", isTransient: false);
        }

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
