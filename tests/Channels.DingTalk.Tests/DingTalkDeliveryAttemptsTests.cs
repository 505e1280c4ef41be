using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Tests.Channels;
using PartyAffairs.Tests.DingTalk;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Channels.DingTalk.Tests;

/// <summary>
/// Exactly one layer retries: against a DingTalk that keeps refusing, a notice costs at most <c>Delivery:Retry:MaxAttempts</c>
/// calls per batch and a message at most that many calls, and a Retry-After pauses the app for every instance.
/// </summary>
public sealed class DingTalkDeliveryAttemptsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly Dictionary<string, string> ThreeAttempts = new()
    {
        ["Delivery:Retry:MaxAttempts"] = "3",
        ["Delivery:Retry:Backoff"] = "00:00:00.010",
    };

    public Task InitializeAsync() => redis.FlushAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static BroadcastRecipient[] Members(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new BroadcastRecipient($"m{i}", new ConversationReference { ChannelId = "dingtalk", User = new ChannelAccount { Id = $"s{i:D3}" } }))];

    [Fact]
    public async Task Notice_To45MembersPlatformAnswers503_AtMostMaxAttemptsCallsPerBatch()
    {
        await using var dingTalk = new FakeDingTalkServer(TimeProvider.System) { ServerErrors = 1000 };
        await dingTalk.StartAsync();
        await using var host = DingTalkTestHost.Create(redis, dingTalk, new RecordingBot(), settings: ThreeAttempts);

        var report = await host.Services.GetRequiredService<IBroadcastMessenger>().SendAsync(Members(45), Activity.CreateMessageActivity("支部党员大会通知"), CancellationToken.None);

        // Three batches (20, 20, 5 staff ids), each tried three times: nine calls, not 3 × 3 × 5 as when two layers retried.
        Assert.Equal(9, dingTalk.OpenApiSends);
        Assert.Equal((0, 45), (report.Delivered, report.Failed));
        Assert.Empty(dingTalk.Calls);
    }

    [Fact]
    public async Task Notice_TwoBatchesRefusedOnce_OnlyTheirMembersSentAgainAndAllDelivered()
    {
        await using var dingTalk = new FakeDingTalkServer(TimeProvider.System) { ServerErrors = 2 };
        await dingTalk.StartAsync();
        await using var host = DingTalkTestHost.Create(redis, dingTalk, new RecordingBot(), settings: ThreeAttempts);

        var report = await host.Services.GetRequiredService<IBroadcastMessenger>().SendAsync(Members(45), Activity.CreateMessageActivity("支部党员大会通知"), CancellationToken.None);

        Assert.Equal(3 + 2, dingTalk.OpenApiSends);
        Assert.Equal((45, 0), (report.Delivered, report.Failed));
        Assert.Equal(45, dingTalk.Calls.Select(c => c.To).Distinct().Count());
        Assert.Equal(45, dingTalk.Calls.Count);
    }

    [Fact]
    public async Task Message_PlatformAnswers429WithRetryAfter_AtMostMaxAttemptsCallsAndTheAppPausedForEveryInstance()
    {
        await using var dingTalk = new FakeDingTalkServer(TimeProvider.System) { TooManyRequests = 1000, RetryAfter = TimeSpan.FromSeconds(1) };
        await dingTalk.StartAsync();
        await using var host = DingTalkTestHost.Create(redis, dingTalk, new RecordingBot(), settings: ThreeAttempts);
        var member = new ConversationReference { ChannelId = "dingtalk", User = new ChannelAccount { Id = "s001" } };

        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() =>
            host.Services.GetRequiredService<IProactiveMessenger>().SendAsync(member, Activity.CreateMessageActivity("提醒"), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal(3, dingTalk.OpenApiSends);
        var permits = await redis.Connection.GetDatabase().SortedSetRangeByRankAsync(ChannelRateKeys.App("dingtalk"));
        Assert.Contains(permits, p => p.ToString().Contains(":pause", StringComparison.Ordinal));
    }
}
