using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.Tests.Channels;
using PartyAffairs.Tests.DingTalk;
using PartyAffairs.Tests.Infrastructure;
using PartyAffairs.Tests.WeCom;

namespace PartyAffairs.Bot.Tests.Channels;

/// <summary>The whole host, with DingTalk and WeCom pointed at loopback fakes and state in a real redis-server.</summary>
internal static class ChannelTestHost
{
    public static WebApplicationFactory<Program> Create(
        RedisServerFixture redis,
        FakeDingTalkServer? dingTalk,
        FakeWeComServer? weCom,
        IBot? bot = null,
        TimeProvider? time = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        return new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Redis:Configuration", redis.Configuration);
            builder.UseSetting("Storage:DataDir", Path.Combine(Path.GetTempPath(), "pa-channels-" + Guid.NewGuid().ToString("N")));
            if (dingTalk is not null)
            {
                builder.UseSetting("DingTalk:AppKey", FakeDingTalkServer.AppKey);
                builder.UseSetting("DingTalk:AppSecret", FakeDingTalkServer.AppSecret);
                builder.UseSetting("DingTalk:ApiBaseUrl", dingTalk.BaseUrl.AbsoluteUri);
                builder.UseSetting("DingTalk:ContactApiBaseUrl", dingTalk.BaseUrl.AbsoluteUri);
                builder.UseSetting("DingTalk:SessionWebhookBaseUrl", dingTalk.BaseUrl.AbsoluteUri);
                builder.UseSetting("DingTalk:GroupWebhookUrl", dingTalk.RobotWebhook.AbsoluteUri);
                builder.UseSetting("DingTalk:GroupWebhookSecret", FakeDingTalkServer.RobotSecret);
                builder.UseSetting("Delivery:Retry:Backoff", "00:00:00.050");
            }

            if (weCom is not null)
            {
                builder.UseSetting("WeCom:CorpId", FakeWeComServer.CorpId);
                builder.UseSetting("WeCom:AgentId", FakeWeComServer.AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.UseSetting("WeCom:Secret", FakeWeComServer.Secret);
                builder.UseSetting("WeCom:Token", WeComCallbacks.Token);
                builder.UseSetting("WeCom:EncodingAesKey", WeComCallbacks.AesKey);
                builder.UseSetting("WeCom:ApiBaseUrl", weCom.BaseUrl.AbsoluteUri);
                builder.UseSetting("WeCom:GroupWebhookUrl", weCom.RobotWebhook.AbsoluteUri);
                builder.UseSetting("Delivery:Retry:Backoff", "00:00:00.050");
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                if (bot is not null)
                {
                    services.AddSingleton(bot);
                }

                if (time is not null)
                {
                    services.AddSingleton(time);
                }
            });
        });
    }
}
