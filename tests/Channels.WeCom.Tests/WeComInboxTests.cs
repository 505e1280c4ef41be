using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PartyAffairs.Channels.Inbound;
using PartyAffairs.Delivery;
using PartyAffairs.Tests.Channels;
using PartyAffairs.Tests.Infrastructure;
using PartyAffairs.Tests.WeCom;

namespace PartyAffairs.Channels.WeCom.Tests;

/// <summary>The Redis inbox behind WeCom callbacks: nothing acknowledged is lost, nothing is run twice, nothing is acknowledged unstored.</summary>
public sealed class WeComInboxTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
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

        await using (var hostA = WeComTestHost.Create(redis, weCom, first, settings: FastInbox))
        {
            using var client = hostA.CreateClient();
            var response = await client.SendAsync(WeComCallbacks.Default.Post(xml, DateTimeOffset.UtcNow));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await WaitUntilAsync(() => first.Turns.Count == 1);
            // Host A stops with the turn still running: it is cancelled and stays in A's processing list.
        }

        Assert.Empty(weCom.Calls);
        await using var hostB = WeComTestHost.Create(redis, weCom, second, settings: FastInbox);
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
    public async Task WeComInbox_InstanceCrashedHoldingATurn_NextHostRecoversItAfterTheLeaseAndRunsItOnce()
    {
        await using var weCom = new FakeWeComServer(TimeProvider.System);
        await weCom.StartAsync();
        var bot = new RecordingBot();
        // What a crashed instance leaves behind: the turn in its processing list and a lease nobody renews.
        var inbox = new ChannelInbox(redis.Connection, Options.Create(new ChannelQueueOptions { Lease = TimeSpan.FromMilliseconds(600) }), new DeliveryInstance("crashed"));
        var message = new WeComMessage { ToUserName = FakeWeComServer.CorpId, FromUserName = "zhouba", MsgType = "text", Content = "我的待办", MsgId = "71007" };
        var turn = new InboundTurn { ChannelId = "wecom", MessageId = "71007", SenderId = "zhouba", Payload = JsonSerializer.SerializeToElement(message) };
        Assert.Equal(InboxAcceptance.Accepted, await inbox.AcceptAsync(turn, CancellationToken.None));
        await inbox.Queue.HeartbeatAsync();
        Assert.NotNull(await inbox.Queue.TakeAsync(InboundTurn.PartitionOf("wecom", "zhouba", 4)));

        await using var host = WeComTestHost.Create(redis, weCom, bot, settings: FastInbox);
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
        await using var host = WeComTestHost.Create(redis, weCom, bot, settings: new Dictionary<string, string>
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
        await using var host = WeComTestHost.Create(redis, weCom, bot, settings: new Dictionary<string, string>
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
