using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Channels.Delivery;

/// <summary>A channel that can send one message to many members in few platform calls (DingTalk, WeCom app messages).</summary>
public interface IBatchChannelSender : IChannelSender
{
    /// <summary>
    /// Sends <paramref name="activity"/> to every user id, each batch call paced by the shared rate limiter, and retries
    /// the ids that failed transiently with the one retry policy; returns the ids not reached, each with its final failure.
    /// </summary>
    Task<IReadOnlyDictionary<string, ChannelDeliveryException>> SendToUsersAsync(IReadOnlyList<string> userIds, Activity activity, CancellationToken cancellationToken);
}
