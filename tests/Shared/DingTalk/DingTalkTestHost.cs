using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.Channels;
using PartyAffairs.Channels.DingTalk;
using PartyAffairs.Tests.Channels;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Tests.DingTalk;

/// <summary>
/// A host composed only of the DingTalk adapter (<c>AddDingTalk()</c>/<c>MapDingTalk()</c>, with the channel layer it
/// builds on), pointed at a loopback <see cref="FakeDingTalkServer"/>, with the inbox in a real redis-server.
/// </summary>
public static class DingTalkTestHost
{
    /// <summary>The host; without <paramref name="dingTalk"/> DingTalk is not configured. <c>Redis:Configuration</c> in the settings replaces the fixture's server.</summary>
    public static LibraryHost Create(
        RedisServerFixture redis,
        FakeDingTalkServer? dingTalk,
        IBot? bot = null,
        TimeProvider? time = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        var all = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration };
        if (dingTalk is not null)
        {
            all["DingTalk:AppKey"] = FakeDingTalkServer.AppKey;
            all["DingTalk:AppSecret"] = FakeDingTalkServer.AppSecret;
            all["DingTalk:ApiBaseUrl"] = dingTalk.BaseUrl.AbsoluteUri;
            all["DingTalk:ContactApiBaseUrl"] = dingTalk.BaseUrl.AbsoluteUri;
            all["DingTalk:SessionWebhookBaseUrl"] = dingTalk.BaseUrl.AbsoluteUri;
            all["DingTalk:GroupWebhookUrl"] = dingTalk.RobotWebhook.AbsoluteUri;
            all["DingTalk:GroupWebhookSecret"] = FakeDingTalkServer.RobotSecret;
            all["Delivery:Retry:Backoff"] = "00:00:00.050";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return new LibraryHost(
            builder =>
            {
                builder.Services.AddSingleton<IConnectionMultiplexer>(_ => TestRedis.Connect(all["Redis:Configuration"]!));
                if (bot is not null)
                {
                    builder.Services.AddSingleton(bot);
                }

                if (time is not null)
                {
                    builder.Services.AddSingleton(time);
                }

                builder.Services.Configure<ChannelTexts>(ChannelTestTexts.Configure);
                builder.AddDingTalk();
            },
            app => app.MapDingTalk(),
            all);
    }
}
