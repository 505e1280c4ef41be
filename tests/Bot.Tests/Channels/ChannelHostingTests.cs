using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Tests.Channels;
using PartyAffairs.Tests.DingTalk;
using PartyAffairs.Tests.Infrastructure;
using PartyAffairs.Tests.WeCom;

namespace PartyAffairs.Bot.Tests.Channels;

public sealed class ChannelHostingTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Theory]
    [InlineData("DingTalk:AppKey", "only-the-key")]
    [InlineData("WeCom:CorpId", "only-the-corp")]
    [InlineData("DingTalk:GroupWebhookSecret", "SECwithout-url")]
    [InlineData("Channels:GroupNotices:Branches:teams", "jg1")]
    [InlineData("Channels:Queue:Lease", "00:00:00.010")]
    [InlineData("DingTalk:AppLimit", "99999")]
    [InlineData("WeCom:GroupRobotLimit", "77777")]
    [InlineData("DingTalk:MobileBinding:Timeout", "00:00:00")]
    [InlineData("WeCom:MobileBinding:RetryAfter", "-00:01:00")]
    [InlineData("WeCom:TimestampTolerance", "-01:00:00")]
    [InlineData("Delivery:Retry:MaxAttempts", "99")]
    [InlineData("Channels:ConnectorLimits:msteams:Permits", "-5")]
    public void Host_IncompletePlatformConfiguration_FailsAtStartup(string key, string value)
    {
        using var factory = ChannelTestHost.Create(redis, dingTalk: null, weCom: null, new RecordingBot(), settings: new Dictionary<string, string> { [key] = value });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);

        Assert.Contains(key.Split(':')[0], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_CallbacksRepliesAndFailures_NeverLogSecretsOrMessageText()
    {
        await using var dingTalk = new FakeDingTalkServer(TimeProvider.System) { ServerErrors = 10 };
        await using var weCom = new FakeWeComServer(TimeProvider.System);
        await dingTalk.StartAsync();
        await weCom.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var host = ChannelTestHost.Create(redis, dingTalk, weCom, new RecordingBot(), settings: new Dictionary<string, string> { ["Delivery:Retry:MaxAttempts"] = "2" })
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        using var client = host.CreateClient();
        const string privateText = "我的身份证号是110101199003070000";

        await client.SendAsync(DingTalkCallbacks.Callback(DingTalkCallbacks.Message("log-1", privateText, dingTalk.NewSessionWebhook())));
        await client.SendAsync(DingTalkCallbacks.Callback(DingTalkCallbacks.Message("log-2", "x", null), secret: "wrong"));
        await client.SendAsync(WeComCallbacks.Default.Post(WeComCallbacks.TextXml("zhangsan", privateText, "1234"), DateTimeOffset.UtcNow));
        await weCom.WaitForAsync(c => c.Count >= 1);
        await dingTalk.WaitForAsync(c => c.Count >= 1);
        await Assert.ThrowsAsync<ChannelDeliveryException>(() => host.Services.GetRequiredService<IProactiveMessenger>().SendAsync(
            new ConversationReference { ChannelId = "dingtalk", User = new ChannelAccount { Id = "s1" } }, Activity.CreateMessageActivity(privateText), CancellationToken.None));

        var all = string.Join('\n', logs.Lines);
        Assert.Contains("dingtalk", all, StringComparison.Ordinal);
        foreach (var secret in new[] { FakeDingTalkServer.AppSecret, FakeDingTalkServer.RobotSecret, FakeDingTalkServer.RobotToken, "dt-token-", "wc-token-", FakeWeComServer.Secret, FakeWeComServer.RobotKey, WeComCallbacks.AesKey, WeComCallbacks.Token, "110101199003070000", "session=" })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Callback_StoreUnreachable_Returns503AndRunsNothing()
    {
        await using var dingTalk = new FakeDingTalkServer(TimeProvider.System);
        await dingTalk.StartAsync();
        var bot = new RecordingBot();
        await using var host = ChannelTestHost.Create(redis, dingTalk, weCom: null, bot, settings: new Dictionary<string, string>
        {
            ["Redis:Configuration"] = "127.0.0.1:1,abortConnect=false,connectTimeout=200,syncTimeout=200,asyncTimeout=200",
        });
        using var client = host.CreateClient();

        var response = await client.SendAsync(DingTalkCallbacks.Callback(DingTalkCallbacks.Message("m-down", "你好", dingTalk.NewSessionWebhook())));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(bot.Turns);
    }
}
