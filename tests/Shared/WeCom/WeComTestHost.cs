using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.Channels;
using PartyAffairs.Channels.WeCom;
using PartyAffairs.Tests.Channels;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Tests.WeCom;

/// <summary>
/// A host composed only of the WeCom adapter (<c>AddWeCom()</c>/<c>MapWeCom()</c>, with the channel layer it builds
/// on), pointed at a loopback <see cref="FakeWeComServer"/>, with the inbox in a real redis-server.
/// </summary>
public static class WeComTestHost
{
    /// <summary>The host; without <paramref name="weCom"/> WeCom is not configured. <c>Redis:Configuration</c> in the settings replaces the fixture's server.</summary>
    public static LibraryHost Create(
        RedisServerFixture redis,
        FakeWeComServer? weCom,
        IBot? bot = null,
        TimeProvider? time = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        var all = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration };
        if (weCom is not null)
        {
            all["WeCom:CorpId"] = FakeWeComServer.CorpId;
            all["WeCom:AgentId"] = FakeWeComServer.AgentId.ToString(CultureInfo.InvariantCulture);
            all["WeCom:Secret"] = FakeWeComServer.Secret;
            all["WeCom:Token"] = WeComCallbacks.Token;
            all["WeCom:EncodingAesKey"] = WeComCallbacks.AesKey;
            all["WeCom:ApiBaseUrl"] = weCom.BaseUrl.AbsoluteUri;
            all["WeCom:GroupWebhookUrl"] = weCom.RobotWebhook.AbsoluteUri;
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
                builder.AddWeCom();
            },
            app => app.MapWeCom(),
            all);
    }
}
