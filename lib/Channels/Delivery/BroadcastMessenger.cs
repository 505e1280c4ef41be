using System.Collections.Concurrent;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Channels.Delivery;

/// <summary>
/// Groups recipients by channel: channels with batch sends (DingTalk, WeCom) get few platform calls; the others get one
/// proactive send per member, a few at a time. Every platform call takes its permits of the shared rate limiter, and
/// transient failures are retried once over, by the one retry policy: per batch inside the batch senders (only the
/// members that failed transiently), per member through <see cref="IProactiveMessenger"/>.
/// </summary>
public sealed class BroadcastMessenger(IEnumerable<IChannelSender> senders, IProactiveMessenger messenger) : IBroadcastMessenger
{
    private const int Parallelism = 8;
    private readonly Dictionary<string, IBatchChannelSender> _batchSenders = senders.OfType<IBatchChannelSender>().ToDictionary(s => s.ChannelId, StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<BroadcastReport> SendAsync(IReadOnlyList<BroadcastRecipient> recipients, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(recipients, activity, journal: null, cancellationToken);

    /// <inheritdoc />
    public async Task<BroadcastReport> SendAsync(IReadOnlyList<BroadcastRecipient> recipients, Activity activity, IBroadcastJournal? journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(activity);
        var outcomes = new ConcurrentDictionary<string, MemberDelivery>(StringComparer.Ordinal);
        var byChannel = recipients.GroupBy(r => r.Reference.ChannelId ?? string.Empty, StringComparer.Ordinal);
        await Task.WhenAll(byChannel.Select(group => _batchSenders.TryGetValue(group.Key, out var batch)
            ? SendBatchAsync(batch, group.ToArray(), activity, journal, outcomes, cancellationToken)
            : SendEachAsync(group.ToArray(), activity, journal, outcomes, cancellationToken)));
        return new BroadcastReport(recipients.Select(r => outcomes.GetValueOrDefault(r.MemberId) ?? new MemberDelivery(r.MemberId, r.Reference.ChannelId, false, "not sent")).ToArray());
    }

    private static async Task SendBatchAsync(IBatchChannelSender sender, BroadcastRecipient[] recipients, Activity activity, IBroadcastJournal? journal, ConcurrentDictionary<string, MemberDelivery> outcomes, CancellationToken cancellationToken)
    {
        var claimed = new List<BroadcastRecipient>(recipients.Length);
        foreach (var recipient in recipients)
        {
            if (journal is null || await journal.TryBeginAsync(recipient.MemberId, cancellationToken))
            {
                claimed.Add(recipient);
            }
        }

        var withUser = claimed.Where(r => !string.IsNullOrEmpty(r.Reference.User?.Id)).ToArray();
        foreach (var missing in claimed.Except(withUser))
        {
            await SettleAsync(journal, outcomes, new MemberDelivery(missing.MemberId, sender.ChannelId, false, "no user id"), cancellationToken);
        }

        if (withUser.Length == 0)
        {
            return;
        }

        var failures = await sender.SendToUsersAsync(withUser.Select(r => r.Reference.User!.Id!).ToArray(), activity, cancellationToken);
        foreach (var recipient in withUser)
        {
            var failure = failures.GetValueOrDefault(recipient.Reference.User!.Id!);
            await SettleAsync(journal, outcomes, new MemberDelivery(recipient.MemberId, sender.ChannelId, failure is null, failure?.Message), cancellationToken);
        }
    }

    private static async ValueTask SettleAsync(IBroadcastJournal? journal, ConcurrentDictionary<string, MemberDelivery> outcomes, MemberDelivery delivery, CancellationToken cancellationToken)
    {
        outcomes[delivery.MemberId] = delivery;
        if (journal is not null)
        {
            // Recorded even while stopping: the platform has answered, so the outcome is known.
            await journal.SettleAsync(delivery, CancellationToken.None);
        }
    }

    private async Task SendEachAsync(BroadcastRecipient[] recipients, Activity activity, IBroadcastJournal? journal, ConcurrentDictionary<string, MemberDelivery> outcomes, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(recipients, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (recipient, ct) =>
        {
            if (journal is not null && !await journal.TryBeginAsync(recipient.MemberId, ct))
            {
                return;
            }

            var copy = Copy(activity).ApplyConversationReference(recipient.Reference);
            MemberDelivery outcome;
            try
            {
                await messenger.SendAsync(recipient.Reference, copy, ct);
                outcome = new MemberDelivery(recipient.MemberId, recipient.Reference.ChannelId, true, null);
            }
            catch (ChannelDeliveryException e)
            {
                outcome = new MemberDelivery(recipient.MemberId, recipient.Reference.ChannelId, false, e.Message);
            }
            catch (HttpRequestException e)
            {
                outcome = new MemberDelivery(recipient.MemberId, recipient.Reference.ChannelId, false, e.GetType().Name);
            }

            await SettleAsync(journal, outcomes, outcome, ct);
        });
    }

    private static Activity Copy(Activity activity) => new()
    {
        Type = activity.Type ?? ActivityTypes.Message,
        Text = activity.Text,
        TextFormat = activity.TextFormat,
        Attachments = activity.Attachments,
        SuggestedActions = activity.SuggestedActions,
        Locale = activity.Locale,
        ChannelData = activity.ChannelData,
    };
}
