using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels.Inbound;

namespace PartyAffairs.Channels.WeCom;

/// <summary>
/// The WeCom channel: turns decrypted app callbacks into activities (channelId <c>wecom</c>, <c>from.id</c> = userid) for
/// the application's bot, and its replies into app messages sent asynchronously (the callback was already acknowledged).
/// </summary>
internal sealed class WeComAdapter(WeComChannelSender sender, IServiceProvider services, IOptions<ChannelTexts> texts, TimeProvider time)
    : PlatformAdapter(services, texts)
{
    /// <summary>Runs the bot on a text message, or a first-visit event as a conversation update.</summary>
    public Task ProcessAsync(WeComMessage message, CancellationToken cancellationToken) =>
        RunTurnAsync(ToActivity(message), cancellationToken);

    /// <summary>Answers a message the bot cannot read (pictures, files, voice) with a polite text-only note.</summary>
    public Task ReplyTextOnlyAsync(WeComMessage message, CancellationToken cancellationToken) =>
        ReplyTextOnlyAsync(ToActivity(message), cancellationToken);

    /// <summary>The activity the bot sees for a message.</summary>
    public Activity ToActivity(WeComMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var user = new ChannelAccount { Id = message.FromUserName, Role = "user" };
        var bot = new ChannelAccount { Id = message.AgentId ?? message.ToUserName, Role = "bot" };
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = message.MsgId,
            ChannelId = WeComChannelSender.Id,
            Timestamp = message.CreateTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(message.CreateTime) : time.GetUtcNow(),
            From = user,
            Recipient = bot,
            // An app conversation is always one-to-one: the member's userid names it.
            Conversation = new ConversationAccount { Id = message.FromUserName, IsGroup = false },
            Text = message.Content?.Trim() ?? string.Empty,
            TextFormat = "plain",
            Locale = "zh-CN",
            LocalTimezone = "Asia/Shanghai",
        };
        if (message.MsgType == "event")
        {
            activity.Type = ActivityTypes.ConversationUpdate;
            activity.Id = null;
            activity.Text = null;
            activity.MembersAdded = [user];
        }

        return activity;
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            var reference = new ConversationReference
            {
                ChannelId = WeComChannelSender.Id,
                User = activity.Recipient,
                Bot = activity.From,
                Conversation = activity.Conversation,
            };
            responses[i] = await sender.SendAsync(reference, activity, cancellationToken);
        }

        return responses;
    }
}
