using Microsoft.Extensions.Options;
using PartyAffairs.Bot.BotFramework.Schema;
using PartyAffairs.Bot.Channels.Delivery;

namespace PartyAffairs.Bot.Channels.DingTalk;

/// <summary>
/// Proactive DingTalk messages (reminders, nudges, notices to members): one-to-one robot messages to the member's staff
/// id through the OpenAPI, paced and retried by <see cref="DingTalkApiClient"/>. A reference without a user (a group)
/// goes to the group conversation instead. Personal messages never go to a group the member last wrote in.
/// </summary>
public sealed class DingTalkChannelSender(DingTalkApiClient api, IOptions<DingTalkOptions> options) : IBatchChannelSender
{
    /// <summary>The channel id of DingTalk activities.</summary>
    public const string Id = "dingtalk";

    public string ChannelId => Id;

    public async Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        if (!options.Value.IsEnabled)
        {
            throw new ChannelDeliveryException("DingTalk is not configured.", isTransient: false);
        }

        if (OutgoingText.From(activity) is not { } text)
        {
            return new ResourceResponse(null);
        }

        foreach (var message in DingTalkMessage.From(text, options.Value.MaxMessageBytes))
        {
            if (reference.User?.Id is { Length: > 0 } staffId)
            {
                var failures = await api.SendToUsersAsync([staffId], message, cancellationToken);
                if (failures.Count > 0)
                {
                    throw failures.Values.First();
                }
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

        return new ResourceResponse(null);
    }

    public async Task<IReadOnlyDictionary<string, ChannelDeliveryException>> SendToUsersAsync(IReadOnlyList<string> userIds, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(activity);
        if (!options.Value.IsEnabled)
        {
            var disabled = new ChannelDeliveryException("DingTalk is not configured.", isTransient: false);
            return userIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => disabled, StringComparer.Ordinal);
        }

        var failures = new Dictionary<string, ChannelDeliveryException>(StringComparer.Ordinal);
        if (OutgoingText.From(activity) is not { } text)
        {
            return failures;
        }

        foreach (var message in DingTalkMessage.From(text, options.Value.MaxMessageBytes))
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
