using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PartyAffairs.Channels.Inbound;
using PartyAffairs.Bot.Tests.Channels.Fakes;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.Channels;

/// <summary>The Redis inbox: nothing acknowledged is lost, nothing is run twice, nothing is acknowledged unstored.</summary>
public sealed class ChannelInboxTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    // Short lease and grace so a stopped host's turns are recovered within the test's patience.
    private static readonly Dictionary<string, string> FastInbox = new()
    {
        ["Channels:Queue:Lease"] = "00:00:00.600",
        ["Channels:Queue:PollInterval"] = "00:00:00.050",
        ["Channels:Queue:ShutdownGrace"] = "00:00:00.100",
    };

    public Task InitializeAsync() => redis.FlushAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WeComInbox_HostStoppedAfterAcknowledgingBeforeTheTurnEnded_AnotherHostRunsItOnce()
    {
        await using var weCom = new FakeWeComServer(TimeProvider.System);
        await weCom.StartAsync();
        var first = new RecordingBot { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var second = new RecordingBot();
        var xml = WeComCallbacks.TextXml("zhaoliu", "我的待办", "70007");

        await using (var hostA = ChannelTestHost.Create(redis, dingTalk: null, weCom, first, settings: FastInbox))
        {
            using var client = hostA.CreateClient();
            var response = await client.SendAsync(WeComCallbacks.Default.Post(xml, DateTimeOffset.UtcNow));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await WaitUntilAsync(() => first.Turns.Count == 1);
            // Host A stops with the turn still running: it is cancelled and stays in A's processing list.
        }

        Assert.Empty(weCom.Calls);
        await using var hostB = ChannelTestHost.Create(redis, dingTalk: null, weCom, second, settings: FastInbox);
        using var clientB = hostB.CreateClient();

        var reply = Assert.Single(await weCom.WaitForAsync(c => c.Count >= 1));
        Assert.Equal("zhaoliu", reply.To);
        Assert.Equal("70007", Assert.Single(second.Turns).Id);

        // WeCom retries the same callback, and it is replayed once more: both within 10 minutes, both do nothing.
        Assert.Equal(HttpStatusCode.OK, (await clientB.SendAsync(WeComCallbacks.Default.Post(xml, DateTimeOffset.UtcNow))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clientB.SendAsync(WeComCallbacks.Default.Post(xml, DateTimeOffset.UtcNow))).StatusCode);
        await Task.Delay(500);
        Assert.Single(weCom.Calls);
        Assert.Single(second.Turns);
        Assert.Empty(weCom.Violations);
        var db = redis.Connection.GetDatabase();
        Assert.Equal(0, await db.ListLengthAsync(ChannelInbox.QueueKey(InboundTurn.PartitionOf("wecom", "zhaoliu", 4))));
    }

    [Fact]
    public async Task DingTalkInbox_HostStoppedWithTurnsStillWaiting_AnotherHostRunsThemOnceInOrder()
    {
        await using var dingTalk = new FakeDingTalkServer(TimeProvider.System);
        await dingTalk.StartAsync();
        var first = new RecordingBot { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var second = new RecordingBot();
        var settings = new Dictionary<string, string>(FastInbox) { ["Channels:Queue:Partitions"] = "1" };

        await using (var hostA = ChannelTestHost.Create(redis, dingTalk, weCom: null, first, settings: settings))
        {
            using var client = hostA.CreateClient();
            for (var i = 1; i <= 3; i++)
            {
                var message = DingTalkChannelTests.Message($"order-{i}", $"第{i}条", dingTalk.NewSessionWebhook(), staffId: "order01");
                Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(DingTalkChannelTests.Callback(message))).StatusCode);
            }

            await WaitUntilAsync(() => first.Turns.Count == 1);
        }

        await using var hostB = ChannelTestHost.Create(redis, dingTalk, weCom: null, second, settings: settings);
        _ = hostB.Services;

        await dingTalk.WaitForAsync(c => c.Count >= 3);
        await Task.Delay(300);
        Assert.Equal(3, dingTalk.Calls.Count);
        Assert.Equal(["第1条", "第2条", "第3条"], second.Turns.Select(t => t.Text));
        Assert.Empty(dingTalk.Violations);
    }

    [Fact]
    public async Task WeComInbox_InstanceCrashedHoldingATurn_NextHostRecoversItAfterTheLeaseAndRunsItOnce()
    {
        await using var weCom = new FakeWeComServer(TimeProvider.System);
        await weCom.StartAsync();
        var bot = new RecordingBot();
        // What a crashed instance leaves behind: the turn in its processing list and a lease nobody renews.
        var inbox = new ChannelInbox(redis.Connection, Options.Create(new ChannelQueueOptions { Lease = TimeSpan.FromMilliseconds(600) }));
        var message = new PartyAffairs.Channels.WeCom.WeComMessage { ToUserName = FakeWeComServer.CorpId, FromUserName = "zhouba", MsgType = "text", Content = "我的待办", MsgId = "71007" };
        var turn = new InboundTurn { ChannelId = "wecom", MessageId = "71007", SenderId = "zhouba", Payload = JsonSerializer.SerializeToElement(message) };
        Assert.Equal(InboxAcceptance.Accepted, await inbox.AcceptAsync(turn, CancellationToken.None));
        await inbox.HeartbeatAsync("crashed", DateTimeOffset.UtcNow);
        Assert.NotNull(await inbox.TakeAsync(InboundTurn.PartitionOf("wecom", "zhouba", 4), "crashed"));

        await using var host = ChannelTestHost.Create(redis, dingTalk: null, weCom, bot, settings: FastInbox);
        _ = host.Services;

        var reply = Assert.Single(await weCom.WaitForAsync(c => c.Count >= 1));
        Assert.Equal("zhouba", reply.To);
        Assert.Equal("收到：我的待办\n\n可直接回复：「已完成」 / 「我的待办」", reply.Text);
        await Task.Delay(500);
        Assert.Single(weCom.Calls);
        Assert.Equal("71007", Assert.Single(bot.Turns).Id);
        Assert.Equal(0, await redis.Connection.GetDatabase().ListLengthAsync(ChannelInbox.ProcessingKey("crashed")));
    }

    [Fact]
    public async Task WeComCallback_StoreUnreachable_Returns503NotAcknowledgedAndRunsNothing()
    {
        await using var weCom = new FakeWeComServer(TimeProvider.System);
        await weCom.StartAsync();
        var bot = new RecordingBot();
        await using var host = ChannelTestHost.Create(redis, dingTalk: null, weCom, bot, settings: new Dictionary<string, string>
        {
            ["Redis:Configuration"] = "127.0.0.1:1,abortConnect=false,connectTimeout=200,syncTimeout=200,asyncTimeout=200",
        });
        using var client = host.CreateClient();

        var response = await client.SendAsync(WeComCallbacks.Default.Post(WeComCallbacks.TextXml("zhaoliu", "你好", "80008"), DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Temporarily unavailable; retry later.", error.RootElement.GetProperty("error").GetString());
        await Task.Delay(200);
        Assert.Empty(bot.Turns);
        Assert.Empty(weCom.Calls);
    }

    [Fact]
    public async Task WeComCallback_InboxFull_Returns503AndThePlatformsRetryIsHandled()
    {
        await using var weCom = new FakeWeComServer(TimeProvider.System);
        await weCom.StartAsync();
        var bot = new RecordingBot { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var host = ChannelTestHost.Create(redis, dingTalk: null, weCom, bot, settings: new Dictionary<string, string>
        {
            ["Channels:Queue:Partitions"] = "1",
            ["Channels:Queue:Capacity"] = "1",
        });
        using var client = host.CreateClient();
        Task<HttpResponseMessage> Post(string id) => client.SendAsync(WeComCallbacks.Default.Post(WeComCallbacks.TextXml("sunqi", "消息" + id, id), DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, (await Post("91")).StatusCode);
        await WaitUntilAsync(() => bot.Turns.Count == 1);
        Assert.Equal(HttpStatusCode.OK, (await Post("92")).StatusCode);
        var refused = await Post("93");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(ChannelInbox.SeenKey("wecom", "93")));
        bot.Hold.SetResult();
        await weCom.WaitForAsync(c => c.Count >= 2);
        Assert.Equal(HttpStatusCode.OK, (await Post("93")).StatusCode);
        await weCom.WaitForAsync(c => c.Count >= 3);
        Assert.Equal(["91", "92", "93"], bot.Turns.Select(t => t.Id));
    }

    [Fact]
    public async Task Recover_DeadInstancesLeaseExpired_ItsTurnsGoBackAheadOfNewerOnes()
    {
        var inbox = new ChannelInbox(redis.Connection, Options.Create(new ChannelQueueOptions { Partitions = 1 }));
        var now = DateTimeOffset.UtcNow;
        foreach (var id in new[] { "r1", "r2", "r3" })
        {
            Assert.Equal(InboxAcceptance.Accepted, await inbox.AcceptAsync(Turn(id), CancellationToken.None));
        }

        await inbox.HeartbeatAsync("dead", now);
        var taken = await inbox.TakeAsync(0, "dead");
        Assert.Equal("r1", InboundTurn.TryParse(taken!.Value.ToString())!.MessageId);

        Assert.Equal(0, await inbox.RecoverAsync("alive", now));
        Assert.Equal(1, await inbox.RecoverAsync("alive", now + TimeSpan.FromSeconds(31)));

        var order = new List<string>();
        while (await inbox.TakeAsync(0, "alive") is { } value)
        {
            order.Add(InboundTurn.TryParse(value.ToString())!.MessageId);
        }

        Assert.Equal(["r1", "r2", "r3"], order);
        Assert.Equal(0, await redis.Connection.GetDatabase().ListLengthAsync(ChannelInbox.ProcessingKey("dead")));
        Assert.False(await redis.Connection.GetDatabase().HashExistsAsync(ChannelInbox.Workers, "dead"));
        Assert.Equal(InboxAcceptance.Duplicate, await inbox.AcceptAsync(Turn("r2"), CancellationToken.None));
    }

    private static InboundTurn Turn(string id) => new()
    {
        ChannelId = "wecom",
        MessageId = id,
        SenderId = "u1",
        Payload = JsonSerializer.SerializeToElement(new { id }),
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Condition not met.");
            }

            await Task.Delay(20);
        }
    }
}
