using System.Diagnostics;
using PartyAffairs.Bot.State;
using PartyAffairs.Bot.Tests.State;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.Conversation;

public sealed class StoreOutageTests
{
    [Fact]
    public async Task Turn_RedisDown_FailsFastThenRecoversWithoutLosingAcknowledgedCompletion()
    {
        await using var redis = new RestartableRedisServer();
        await redis.StartAsync();
        await using var connection = await StoreConnection.ConnectAsync(redis.EndPoint);
        var h = new BotHarness(connection);
        var codes = await h.CreateBranchAsync(("张三", "党员"));
        await h.BindAllAsync(codes, "张三");
        Assert.StartsWith("已记录", (await h.SayOneAsync("张三", "已交党费")).Text, StringComparison.Ordinal);

        await redis.StopAsync();
        var clock = Stopwatch.StartNew();
        var during = await h.SayOneAsync("张三", "参加了主题党日");
        clock.Stop();

        Assert.Equal("服务暂时不可用，请稍后再试。", during.Text);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(4));

        await redis.StartAsync();
        await WaitConnectedAsync(connection);
        var after = await h.SayOneAsync("张三", "我的待办");

        Assert.Contains("· 交纳党费（2026-11）：已完成", after.Text, StringComparison.Ordinal);
        Assert.Contains("· 参加主题党日（2026-11）：未完成", after.Text, StringComparison.Ordinal);
        Assert.StartsWith("已记录：参加主题党日", (await h.SayOneAsync("张三", "参加了主题党日")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turn_RedisDownOnRetriedActivity_RetryAfterRecoveryIsHandled()
    {
        await using var redis = new RestartableRedisServer();
        await redis.StartAsync();
        await using var connection = await StoreConnection.ConnectAsync(redis.EndPoint);
        var h = new BotHarness(connection);
        var codes = await h.CreateBranchAsync(("张三", "党员"));
        await h.BindAllAsync(codes, "张三");

        await redis.StopAsync();
        var failed = await h.SayOneAsync("张三", "已交党费", id: "retried-1");
        await redis.StartAsync();
        await WaitConnectedAsync(connection);
        var retried = await h.SayOneAsync("张三", "已交党费", id: "retried-1");

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
