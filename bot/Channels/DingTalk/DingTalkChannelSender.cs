using Microsoft.Extensions.Options;
using PartyAffairs.Bot.BotFramework.Schema;

namespace PartyAffairs.Bot.Channels.DingTalk;

/// <summary>
/// Proactive DingTalk messages (reminders, nudges, notices to members): one-to-one robot messages to the member's staff
/// id through the OpenAPI, paced and retried by <see cref="DingTalkApiClient"/>. A reference without a user (a group)
/// goes to the group conversation instead. Personal messages never go to a group the member last wrote in.
/// </summary>
public sealed class DingTalkChannelSender(DingTalkApiClient api, IOptions<DingTalkOptions> options) : IChannelSender
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
                var rejected = await api.SendToUsersAsync([staffId], message, cancellationToken);
                if (rejected.Count > 0)
                {
                    throw new ChannelDeliveryException("dingtalk oToMessages: the staff id was refused.", isTransient: false);
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
}
