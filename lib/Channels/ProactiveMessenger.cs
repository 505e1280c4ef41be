using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Delivery.Retry;

namespace PartyAffairs.Channels;

/// <summary>Dispatches proactive sends to the <see cref="IChannelSender"/> registered for the reference's channel.</summary>
internal sealed class ProactiveMessenger(IEnumerable<IChannelSender> senders, DeliveryRetry retry) : IProactiveMessenger
{
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.ChannelId, StringComparer.Ordinal);

    public Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(reference, activity, retry, cancellationToken);

    public Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, DeliveryRetry retry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.ChannelId is null || !_senders.TryGetValue(reference.ChannelId, out var sender))
        {
            throw new ChannelDeliveryException($"No sender for channel '{reference.ChannelId}'.", isTransient: false);
        }

        return sender.SendAsync(reference, activity, retry, cancellationToken);
    }
}
