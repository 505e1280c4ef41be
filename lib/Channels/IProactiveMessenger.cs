using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Channels;

/// <summary>Messages a stored conversation through whichever channel it came from (reminders, broadcasts, nudges).</summary>
public interface IProactiveMessenger
{
    /// <summary>Sends the activity; throws <see cref="ChannelDeliveryException"/> when the channel refuses it for good.</summary>
    Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken);
}
