using Microsoft.Extensions.Options;
using PartyAffairs.Bot.BotFramework.Schema;
using PartyAffairs.Bot.Channels.Delivery;

namespace PartyAffairs.Bot.Channels.WeCom;

/// <summary>
/// Proactive WeCom messages (reminders, nudges, notices to members) and the bot's replies: app text messages to the
/// member's userid, with the replies the bot offers spelled out as text commands (WeCom text has no buttons).
/// </summary>
public sealed class WeComChannelSender(WeComApiClient api, IOptions<WeComOptions> options) : IBatchChannelSender
{
    /// <summary>The channel id of WeCom activities.</summary>
    public const string Id = "wecom";

    public string ChannelId => Id;

    public async Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        if (!options.Value.IsEnabled)
        {
            throw new ChannelDeliveryException("WeCom is not configured.", isTransient: false);
        }

        if (reference.User?.Id is not { Length: > 0 } userId)
        {
            throw new ChannelDeliveryException("wecom: the reference names no member.", isTransient: false);
        }

        if (OutgoingText.From(activity) is not { } text)
        {
            return new ResourceResponse(null);
        }

        var failures = await api.SendTextAsync([userId], text.WithReplyHint(), cancellationToken);
        if (failures.Count > 0)
        {
            throw failures.Values.First();
        }

        return new ResourceResponse(null);
    }

    public async Task<IReadOnlyDictionary<string, ChannelDeliveryException>> SendToUsersAsync(IReadOnlyList<string> userIds, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(activity);
        if (!options.Value.IsEnabled)
        {
            var disabled = new ChannelDeliveryException("WeCom is not configured.", isTransient: false);
            return userIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => disabled, StringComparer.Ordinal);
        }

        return OutgoingText.From(activity) is { } text
            ? await api.SendTextAsync(userIds, text.WithReplyHint(), cancellationToken)
            : new Dictionary<string, ChannelDeliveryException>();
    }
}
