using System.Text.Json;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels.Inbound;

namespace PartyAffairs.Channels.DingTalk;

/// <summary>
/// The DingTalk channel: turns robot callbacks into activities (channelId <c>dingtalk</c>, <c>from.id</c> = staff id) for
/// the application's bot, and its replies into robot messages: through the callback's session webhook while it is valid,
/// otherwise through the OpenAPI.
/// </summary>
internal sealed class DingTalkAdapter(
    DingTalkApiClient api,
    DingTalkChannelSender sender,
    IServiceProvider services,
    IOptions<DingTalkOptions> options,
    IOptions<ChannelTexts> texts,
    TimeProvider time) : PlatformAdapter(services, texts)
{
    /// <summary>Runs the bot on a text message.</summary>
    public Task ProcessAsync(DingTalkCallback callback, CancellationToken cancellationToken) =>
        RunTurnAsync(ToActivity(callback), cancellationToken);

    /// <summary>Answers a message the bot cannot read (pictures, files, voice) with a polite text-only note.</summary>
    public Task ReplyTextOnlyAsync(DingTalkCallback callback, CancellationToken cancellationToken) =>
        ReplyTextOnlyAsync(ToActivity(callback), cancellationToken);

    /// <summary>The activity the bot sees for a callback.</summary>
    public Activity ToActivity(DingTalkCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var session = new DingTalkSession { SessionWebhook = callback.SessionWebhook, SessionWebhookExpiredTime = callback.SessionWebhookExpiredTime };
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = callback.MsgId,
            ChannelId = DingTalkChannelSender.Id,
            Timestamp = callback.CreateAt is { } created ? DateTimeOffset.FromUnixTimeMilliseconds(created) : time.GetUtcNow(),
            From = new ChannelAccount { Id = callback.SenderStaffId ?? callback.SenderId, Name = callback.SenderNick, Role = "user" },
            Recipient = new ChannelAccount { Id = callback.RobotCode ?? options.Value.EffectiveRobotCode, Role = "bot" },
            Conversation = new ConversationAccount
            {
                Id = callback.ConversationId,
                IsGroup = callback.IsGroup,
                ConversationType = callback.ConversationType,
                Name = callback.ConversationTitle,
            },
            Text = callback.Text?.Content?.Trim() ?? string.Empty,
            TextFormat = "plain",
            Locale = "zh-CN",
            LocalTimezone = "Asia/Shanghai",
            ChannelData = JsonSerializer.SerializeToElement(session),
        };
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var session = SessionOf(turnContext.Activity);
        var responses = new List<ResourceResponse>(activities.Count);
        foreach (var activity in activities)
        {
            if (OutgoingText.From(activity) is not { } text)
            {
                responses.Add(new ResourceResponse(null));
                continue;
            }

            if (session is not null && session.IsUsable(time.GetUtcNow()) && Uri.TryCreate(session.SessionWebhook, UriKind.Absolute, out var webhook) && api.IsSessionWebhook(webhook))
            {
                var mention = activity.Conversation?.IsGroup == true && activity.Recipient?.Id is { Length: > 0 } user ? new[] { user } : null;
                foreach (var message in DingTalkMessage.From(text, options.Value.MaxMessageBytes, Texts.DefaultTitle))
                {
                    await sender.ReplyAsync(webhook, message, mention, cancellationToken);
                }
            }
            else
            {
                // No usable session (expired, or a proactive turn): the OpenAPI reaches the member directly.
                var reference = new ConversationReference
                {
                    ChannelId = DingTalkChannelSender.Id,
                    User = activity.Recipient,
                    Bot = activity.From,
                    Conversation = activity.Conversation,
                };
                await sender.SendAsync(reference, activity, cancellationToken);
            }

            responses.Add(new ResourceResponse(null));
        }

        return [.. responses];
    }

    private static DingTalkSession? SessionOf(Activity incoming) =>
        incoming.ChannelData is { ValueKind: JsonValueKind.Object } data ? data.Deserialize<DingTalkSession>() : null;
}
