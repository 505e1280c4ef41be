using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Delivery.Retry;

namespace PartyAffairs.Channels;

/// <summary>Messages a stored conversation through whichever channel it came from (reminders, broadcasts, nudges).</summary>
public interface IProactiveMessenger
{
    /// <summary>
    /// Sends the activity, retrying transient failures with the one retry policy (<c>Delivery:Retry</c>); throws
    /// <see cref="ChannelDeliveryException"/> when the channel refuses it for good or the attempts ran out.
    /// </summary>
    Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken);

    /// <summary>
    /// Sends the activity with <paramref name="retry"/> as the only retry layer: <see cref="DeliveryRetry.Once"/> for a
    /// caller that retries around the send itself (the reminder dispatcher), so no request is retried twice over.
    /// </summary>
    Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, DeliveryRetry retry, CancellationToken cancellationToken) =>
        SendAsync(reference, activity, cancellationToken);
}
