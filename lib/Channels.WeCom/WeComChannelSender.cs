using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels.Delivery;

namespace PartyAffairs.Channels.WeCom;

/// <summary>
/// Proactive WeCom messages (reminders, nudges, notices to members) and the bot's replies: app text messages to the
/// member's userid, with the replies the bot offers spelled out as text commands (WeCom text has no buttons).
/// </summary>
internal sealed class WeComChannelSender(WeComApiClient api, IOptions<WeComOptions> options, IOptions<ChannelTexts> texts)
    : PlatformChannelSender(Id, "WeCom", () => options.Value.IsEnabled)
{
    /// <summary>The channel id of WeCom activities.</summary>
    public const string Id = "wecom";

    protected override async Task SendTextAsync(ConversationReference reference, OutgoingText text, CancellationToken cancellationToken)
    {
        if (reference.User?.Id is not { Length: > 0 } userId)
        {
            throw new ChannelDeliveryException("wecom: the reference names no member.", isTransient: false);
        }

        ThrowIfFailed(await api.SendTextAsync([userId], text.WithReplyHint(texts.Value), cancellationToken));
    }

    protected override Task<IReadOnlyDictionary<string, ChannelDeliveryException>> SendTextToUsersAsync(IReadOnlyList<string> userIds, OutgoingText text, CancellationToken cancellationToken) =>
        api.SendTextAsync(userIds, text.WithReplyHint(texts.Value), cancellationToken);
}
