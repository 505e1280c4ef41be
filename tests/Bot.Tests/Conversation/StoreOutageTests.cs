using System.Diagnostics;
using PartyAffairs.Bot.State;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>A real redis-server is killed under a running bot and started again; each test has its own server.</summary>
public sealed class StoreOutageTests : IAsyncLifetime
{
    private readonly RestartableRedisServer _redis = new();
    private ConnectionMultiplexer _connection = null!;
    private BotHarness _h = null!;

    public async Task InitializeAsync()
    {
        StoreStartup.EnsureMinThreads();
        await _redis.StartAsync();

        // The roster is set up over a patient connection, so a busy test machine cannot fail the arrange step;
        // the bot under test then runs on a connection with the host's 1 s timeouts.
        await using (var setup = await StoreConnection.ConnectAsync(_redis.EndPoint, timeoutMilliseconds: 10_000))
        {
            var arrange = new BotHarness(setup);
            var codes = await arrange.CreateBranchAsync(("张三", "党员"));
            await arrange.BindAllAsync(codes, "张三");
            _h = new BotHarness(_connection = await StoreConnection.ConnectAsync(_redis.EndPoint), arrange.BranchId);
        }
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Turn_RedisDown_FailsFastThenRecoversWithoutLosingAcknowledgedCompletion()
    {
        Assert.StartsWith("已记录", (await _h.SayOneAsync("张三", "已交党费")).Text, StringComparison.Ordinal);

        await _redis.StopAsync();
        var clock = Stopwatch.StartNew();
        var during = await _h.SayOneAsync("张三", "参加了主题党日");
        clock.Stop();

        Assert.Equal("服务暂时不可用，请稍后再试。", during.Text);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(4));

        await _redis.StartAsync();
        await WaitConnectedAsync(_connection);
        var after = await _h.SayOneAsync("张三", "我的待办");

        Assert.Contains("· 交纳党费（2026-11）：已完成", after.Text, StringComparison.Ordinal);
        Assert.Contains("· 参加主题党日（2026-11）：未完成", after.Text, StringComparison.Ordinal);
        Assert.StartsWith("已记录：参加主题党日", (await _h.SayOneAsync("张三", "参加了主题党日")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turn_RedisDownOnRetriedActivity_RetryAfterRecoveryIsHandled()
    {

        await _redis.StopAsync();
        var failed = await _h.SayOneAsync("张三", "已交党费", id: "retried-1");
        await _redis.StartAsync();
        await WaitConnectedAsync(_connection);
        var retried = await _h.SayOneAsync("张三", "已交党费", id: "retried-1");

        Assert.Equal("服务暂时不可用，请稍后再试。", failed.Text);
        Assert.StartsWith("已记录", retried.Text, StringComparison.Ordinal);
    }

    private static async Task WaitConnectedAsync(ConnectionMultiplexer connection)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (Exception e) when ((e is RedisException or TimeoutException) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
