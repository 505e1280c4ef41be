using PartyAffairs.Bot.BotFramework.Schema;
using PartyAffairs.Bot.Channels;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation;

/// <summary>Sends a message to several members through the channel each used last (notices, nudges).</summary>
internal sealed class MemberMessenger(ChannelAddressStore addresses, IProactiveMessenger messenger, ILogger<MemberMessenger> logger)
{
    private const int Parallelism = 8;

    /// <summary>Sends <paramref name="text"/> to each member; members who never wrote to the bot count as unreachable.</summary>
    public async Task<DeliveryReport> SendAsync(IReadOnlyList<Member> recipients, Func<Member, string> text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(text);
        var references = await addresses.GetPreferredAsync(recipients.Select(m => m.Id).ToArray(), cancellationToken);
        var delivered = 0;
        await Parallel.ForEachAsync(
            recipients.Where(m => references.ContainsKey(m.Id)),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (member, ct) =>
            {
                var reference = references[member.Id];
                var activity = Activity.CreateMessageActivity(text(member)).ApplyConversationReference(reference);
                activity.TextFormat = TextFormatTypes.Plain;
                try
                {
                    await messenger.SendAsync(reference, activity, ct);
                    Interlocked.Increment(ref delivered);
                }
                catch (Exception e) when (e is ChannelDeliveryException or HttpRequestException or TimeoutException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    ConversationLog.DeliveryFailed(logger, reference.ChannelId, member.Id, e.GetType().Name);
                }
            });
        return new DeliveryReport(delivered, recipients.Count, recipients.Count - references.Count);
    }
}
