using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Delivery.Retry;

namespace PartyAffairs.Channels;

/// <summary>Sends a proactive activity through one channel (directline, emulator, msteams, dingtalk, wecom …).</summary>
public interface IChannelSender
{
    /// <summary>The <c>channelId</c> of the conversation references this sender serves.</summary>
    string ChannelId { get; }

    /// <summary>
    /// Sends <paramref name="activity"/> to the conversation <paramref name="reference"/> names; each platform request
    /// takes its permits of the shared rate limiter, and transient failures are retried by <paramref name="retry"/> (per
    /// part of a split message, so a part that arrived is not sent again). Throws <see cref="ChannelDeliveryException"/>.
    /// </summary>
    Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, DeliveryRetry retry, CancellationToken cancellationToken);
}
