using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels.Delivery;

namespace PartyAffairs.Channels.DingTalk;

/// <summary>
/// Proactive DingTalk messages (reminders, nudges, notices to members): one-to-one robot messages to the member's staff
/// id through the OpenAPI, paced and retried by <see cref="DingTalkApiClient"/>. A reference without a user (a group)
/// goes to the group conversation instead. Personal messages never go to a group the member last wrote in.
/// </summary>
internal sealed class DingTalkChannelSender(DingTalkApiClient api, IOptions<DingTalkOptions> options, IOptions<ChannelTexts> texts)
    : PlatformChannelSender(Id, "DingTalk", () => options.Value.IsEnabled)
{
    /// <summary>The channel id of DingTalk activities.</summary>
    public const string Id = "dingtalk";

    protected override async Task SendTextAsync(ConversationReference reference, OutgoingText text, CancellationToken cancellationToken)
    {
        foreach (var message in DingTalkMessage.From(text, options.Value.MaxMessageBytes, texts.Value.DefaultTitle))
        {
            if (reference.User?.Id is { Length: > 0 } staffId)
            {
                ThrowIfFailed(await api.SendToUsersAsync([staffId], message, cancellationToken));
            }
            else if (reference.Conversation?.Id is { Length: > 0 } conversationId)
            {
                await api.SendToGroupAsync(conversationId, message, cancellationToken);
            }
            else
            {
                throw new ChannelDeliveryException("dingtalk: the reference names neither a member nor a group.", isTransient: false);
            }
        }
    }

    protected override async Task<IReadOnlyDictionary<string, ChannelDeliveryException>> SendTextToUsersAsync(IReadOnlyList<string> userIds, OutgoingText text, CancellationToken cancellationToken)
    {
        var failures = new Dictionary<string, ChannelDeliveryException>(StringComparer.Ordinal);
        foreach (var message in DingTalkMessage.From(text, options.Value.MaxMessageBytes, texts.Value.DefaultTitle))
        {
            var pending = userIds.Where(id => !failures.ContainsKey(id)).ToArray();
            foreach (var (id, failure) in await api.SendToUsersAsync(pending, message, cancellationToken))
            {
                failures[id] = failure;
            }
        }

        return failures;
    }
}
