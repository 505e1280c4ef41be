using PartyAffairs.Bot.Conversation;
using PartyAffairs.BotFramework;
using PartyAffairs.BotFramework.DirectLine;
using PartyAffairs.Channels;

namespace PartyAffairs.Bot;

/// <summary>
/// The Simplified Chinese texts the host gives the protocol and channel libraries (whose own defaults are neutral
/// English), and the bot's name in Direct Line conversations: one place to review what those layers say to members.
/// </summary>
internal static class HostTexts
{
    /// <summary>The bot's display name, unless <c>DirectLine:BotName</c> is configured.</summary>
    public const string BotName = "党务提醒助手";

    /// <summary>The bot's account id in Direct Line conversations, unless <c>DirectLine:BotId</c> is configured.</summary>
    public const string BotId = "partyaffairs-bot";

    /// <summary>Sets the protocol layer's texts.</summary>
    public static void Protocol(ProtocolTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        texts.ServiceUnavailable = Replies.Unavailable;
        texts.NotConfigured = "您好，我是党务提醒助手。对话功能正在配置中，请稍后再试。";
        texts.TooManyMessages = "您发送消息过于频繁，请稍后再试。";
    }

    /// <summary>Sets the channel layer's texts (DingTalk, WeCom and the shared inbox).</summary>
    public static void Channels(ChannelTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        texts.TextOnly = "目前只支持文字消息，请直接输入文字。";
        texts.Unavailable = Replies.Unavailable;
        texts.ReplyHintPrefix = "可直接回复：";
        texts.ReplyHintSeparator = " / ";
        texts.ReplyOptionFormat = "「{0}」";
        texts.DefaultTitle = "党务提醒";
    }

    /// <summary>Gives the libraries the host's texts and the bot's name (configuration still wins for the name and id).</summary>
    public static WebApplicationBuilder AddHostTexts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<ProtocolTexts>(Protocol);
        services.Configure<ChannelTexts>(Channels);
        services.AddOptions<DirectLineOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var section = configuration.GetSection(DirectLineOptions.SectionName);
            options.BotName = section[nameof(DirectLineOptions.BotName)] ?? BotName;
            options.BotId = section[nameof(DirectLineOptions.BotId)] ?? BotId;
        });
        return builder;
    }
}
