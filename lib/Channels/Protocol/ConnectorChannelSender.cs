using PartyAffairs.BotFramework.Connector;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Channels.Protocol;

/// <summary>Proactive messages for a channel that speaks the Connector REST API (emulator, msteams, …): POST to the stored <c>serviceUrl</c>.</summary>
internal sealed class ConnectorChannelSender(string channelId, ConnectorClient connector) : IChannelSender
{
    public string ChannelId { get; } = channelId;

    public async Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        var replyToId = activity.ReplyToId;
        activity.ApplyConversationReference(reference);
        activity.Type ??= ActivityTypes.Message;
        // A proactive message starts a new thread of the conversation (SendToConversation) unless the caller chose to reply.
        activity.ReplyToId = replyToId;
        try
        {
            return await connector.SendAsync(activity, cancellationToken);
        }
        catch (ConnectorException e)
        {
            throw new ChannelDeliveryException(e.Message, e.IsTransient, e.RetryAfter);
        }
    }
}
