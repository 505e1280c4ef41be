using PartyAffairs.Bot.Conversation;
using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Delivery.Retry;
using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Bot.Scheduling;

/// <summary>
/// Sends a reminder through the member's preferred conversation with 已完成 / 请假 as card buttons: one attempt
/// (<see cref="DeliveryRetry.Once"/>), whose transient or final outcome the dispatcher's retry loop acts on.
/// </summary>
internal sealed class ProactiveReminderSender(ChannelAddressStore addresses, IProactiveMessenger messenger) : IReminderSender
{
    public async Task<SendOutcome> SendAsync(ReminderDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var reference = await addresses.GetPreferredAsync(delivery.MemberId, cancellationToken);
        if (reference is null)
        {
            return new SendOutcome(SendStatus.Permanent, Error: "no conversation");
        }

        var activity = Activity.CreateMessageActivity(delivery.Message.Text).ApplyConversationReference(reference);
        activity.Locale = "zh-CN";
        activity.TextFormat = TextFormatTypes.Plain;
        if (delivery.Message.Actions.Count > 0)
        {
            // A card attached to the reminder keeps its buttons usable (suggested actions vanish at the next message); each
            // is a messageBack, so the member's bubble reads “请假” while the bot receives “请假 主题党日 2026-12”.
            activity.Attachments = [ReplyMessage.Card(delivery.Message.Actions.Select(a => new ReplyButton(a.Title, a.Value)).ToArray())];
        }

        try
        {
            await messenger.SendAsync(reference, activity, DeliveryRetry.Once, cancellationToken);
            return SendOutcome.Sent;
        }
        catch (ChannelDeliveryException e)
        {
            return new SendOutcome(e.IsTransient ? SendStatus.Transient : SendStatus.Permanent, e.RetryAfter, e.GetType().Name);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new SendOutcome(SendStatus.Transient, null, e.GetType().Name);
        }
    }
}
