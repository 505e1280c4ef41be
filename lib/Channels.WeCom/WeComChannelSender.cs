using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Delivery.Retry;

namespace PartyAffairs.Channels.WeCom;

/// <summary>
/// Proactive WeCom messages (reminders, nudges, notices to members) and the bot's replies: app text messages to the
/// member's userid, with the replies the bot offers spelled out as text commands (WeCom text has no buttons). A text
/// longer than 2048 bytes goes in parts; each part is retried on its own by the one retry policy, for the ids that failed
/// it transiently, so a part that arrived is never sent again.
/// </summary>
internal sealed class WeComChannelSender(WeComApiClient api, IOptions<WeComOptions> options, IOptions<ChannelTexts> texts, DeliveryRetry retry)
    : PlatformChannelSender(Id, "WeCom", () => options.Value.IsEnabled, retry)
{
    /// <summary>The channel id of WeCom activities.</summary>
    public const string Id = "wecom";

    protected override async Task SendTextAsync(ConversationReference reference, OutgoingText text, DeliveryRetry retry, CancellationToken cancellationToken)
    {
        if (reference.User?.Id is not { Length: > 0 } userId)
        {
            throw new ChannelDeliveryException("wecom: the reference names no member.", isTransient: false);
        }

        ThrowIfFailed(await SendPartsAsync([userId], text.WithReplyHint(texts.Value), retry, cancellationToken));
    }

    protected override Task<IReadOnlyDictionary<string, ChannelDeliveryException>> SendTextToUsersAsync(IReadOnlyList<string> userIds, OutgoingText text, DeliveryRetry retry, CancellationToken cancellationToken) =>
        SendPartsAsync(userIds, text.WithReplyHint(texts.Value), retry, cancellationToken);

    private async Task<IReadOnlyDictionary<string, ChannelDeliveryException>> SendPartsAsync(IReadOnlyList<string> userIds, string text, DeliveryRetry retry, CancellationToken cancellationToken)
    {
        var failures = new Dictionary<string, ChannelDeliveryException>(StringComparer.Ordinal);
        foreach (var part in Utf8TextSplitter.Split(text, WeComApiClient.MaxTextBytes))
        {
            var pending = userIds.Where(id => !failures.ContainsKey(id)).ToArray();
            foreach (var (id, failure) in await BatchRetry.RunAsync(retry, pending, (ids, ct) => api.SendTextAsync(ids, part, ct), cancellationToken))
            {
                failures[id] = failure;
            }
        }

        return failures;
    }
}
