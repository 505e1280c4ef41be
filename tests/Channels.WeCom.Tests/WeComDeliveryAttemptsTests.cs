using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Tests.Channels;
using PartyAffairs.Tests.Infrastructure;
using PartyAffairs.Tests.WeCom;

namespace PartyAffairs.Channels.WeCom.Tests;

/// <summary>
/// Exactly one layer retries: against a WeCom that keeps refusing, a notice costs at most <c>Delivery:Retry:MaxAttempts</c>
/// calls per batch, and a message at most that many calls.
/// </summary>
public sealed class WeComDeliveryAttemptsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly Dictionary<string, string> ThreeAttempts = new()
    {
        ["Delivery:Retry:MaxAttempts"] = "3",
        ["Delivery:Retry:Backoff"] = "00:00:00.010",
        ["WeCom:BatchSize"] = "100",
    };

    public Task InitializeAsync() => redis.FlushAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Notice_To250MembersPlatformAnswers500_AtMostMaxAttemptsCallsPerBatch()
    {
        await using var weCom = new FakeWeComServer(TimeProvider.System) { ServerErrors = 1000 };
        await weCom.StartAsync();
        await using var host = WeComTestHost.Create(redis, weCom, new RecordingBot(), settings: ThreeAttempts);
        var members = Enumerable.Range(0, 250).Select(i => new BroadcastRecipient($"m{i}", new ConversationReference { ChannelId = "wecom", User = new ChannelAccount { Id = $"u{i:D3}" } })).ToArray();

        var report = await host.Services.GetRequiredService<IBroadcastMessenger>().SendAsync(members, Activity.CreateMessageActivity("支部党员大会通知"), CancellationToken.None);

        // Three batches (100, 100, 50 userids), each tried three times.
        Assert.Equal(9, weCom.MessageSends);
        Assert.Equal((0, 250), (report.Delivered, report.Failed));
    }

    [Fact]
    public async Task Message_PlatformAnswers429ThenAccepts_RetriedOnceAfterRetryAfterAndDelivered()
    {
        await using var weCom = new FakeWeComServer(TimeProvider.System) { TooManyRequests = 1, RetryAfter = TimeSpan.FromSeconds(1) };
        await weCom.StartAsync();
        await using var host = WeComTestHost.Create(redis, weCom, new RecordingBot(), settings: ThreeAttempts);
        var started = DateTimeOffset.UtcNow;

        await host.Services.GetRequiredService<IProactiveMessenger>().SendAsync(
            new ConversationReference { ChannelId = "wecom", User = new ChannelAccount { Id = "zhaoliu" } }, Activity.CreateMessageActivity("提醒"), CancellationToken.None);

        Assert.Equal(2, weCom.MessageSends);
        Assert.Equal(["提醒"], weCom.Calls.Select(c => c.Text.Split('\n')[0]));
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(1), "the retry waited for the Retry-After");
    }
}
