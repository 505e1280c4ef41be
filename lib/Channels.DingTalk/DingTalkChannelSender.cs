using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Delivery.Retry;

namespace PartyAffairs.Channels.DingTalk;

/// <summary>
/// Proactive DingTalk messages (reminders, nudges, notices to members) and the replies of a turn: one-to-one robot
/// messages to the member's staff id through the OpenAPI, each part retried on its own by the one retry policy (only the
/// ids that failed transiently). A reference without a user (a group) goes to the group conversation instead. Personal
/// messages never go to a group the member last wrote in.
/// </summary>
internal sealed class DingTalkChannelSender(DingTalkApiClient api, IOptions<DingTalkOptions> options, IOptions<ChannelTexts> texts, DeliveryRetry retry)
    : PlatformChannelSender(Id, "DingTalk", () => options.Value.IsEnabled, retry)
{
    /// <summary>The channel id of DingTalk activities.</summary>
    public const string Id = "dingtalk";

    /// <summary>Replies through a callback's session webhook, retried by the configured policy.</summary>
    public Task ReplyAsync(Uri sessionWebhook, DingTalkMessage message, IReadOnlyList<string>? atUserIds, CancellationToken cancellationToken) =>
        Retry.RunAsync(ct => api.ReplyAsync(sessionWebhook, message, atUserIds, ct), cancellationToken);

    protected override async Task SendTextAsync(ConversationReference reference, OutgoingText text, DeliveryRetry retry, CancellationToken cancellationToken)
    {
        foreach (var message in DingTalkMessage.From(text, options.Value.MaxMessageBytes, texts.Value.DefaultTitle))
        {
            if (reference.User?.Id is { Length: > 0 } staffId)
            {
                ThrowIfFailed(await BatchRetry.RunAsync(retry, [staffId], (ids, ct) => api.SendToUsersAsync(ids, message, ct), cancellationToken));
            }
            else if (reference.Conversation?.Id is { Length: > 0 } conversationId)
            {
                await retry.RunAsync(ct => api.SendToGroupAsync(conversationId, message, ct), cancellationToken);
            }
            else
            {
                throw new ChannelDeliveryException("dingtalk: the reference names neither a member nor a group.", isTransient: false);
            }
        }
    }

    protected override async Task<IReadOnlyDictionary<string, ChannelDeliveryException>> SendTextToUsersAsync(IReadOnlyList<string> userIds, OutgoingText text, DeliveryRetry retry, CancellationToken cancellationToken)
    {
        var failures = new Dictionary<string, ChannelDeliveryException>(StringComparer.Ordinal);
        foreach (var message in DingTalkMessage.From(text, options.Value.MaxMessageBytes, texts.Value.DefaultTitle))
        {
            var pending = userIds.Where(id => !failures.ContainsKey(id)).ToArray();
            foreach (var (id, failure) in await BatchRetry.RunAsync(retry, pending, (ids, ct) => api.SendToUsersAsync(ids, message, ct), cancellationToken))
            {
                failures[id] = failure;
            }
        }

        return failures;
    }
}
