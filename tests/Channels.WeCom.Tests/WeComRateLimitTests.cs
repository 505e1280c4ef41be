using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Tests.Channels;
using PartyAffairs.Tests.Infrastructure;
using PartyAffairs.Tests.WeCom;

namespace PartyAffairs.Channels.WeCom.Tests;

/// <summary>
/// WeCom broadcasts, reminders and group notices at the platform's limits, on a fake clock shared by the adapter and the
/// fake platform: every message arrives, no platform limit is ever exceeded at the platform, and the pacing really happened.
/// </summary>
public sealed class WeComRateLimitTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int Members = 500;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WeCom_500ProactiveRemindersInParallel_AllDeliveredWithinAppLimit()
    {
        await using var weCom = new FakeWeComServer(_clock, appLimit: 20, appWindow: TimeSpan.FromSeconds(1));
        await weCom.StartAsync();
        await using var host = WeComTestHost.Create(redis, weCom, new RecordingBot(), _clock);
        var messenger = host.Services.GetRequiredService<IProactiveMessenger>();

        var sending = Parallel.ForEachAsync(Enumerable.Range(0, Members), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await messenger.SendAsync(WeComMember(i), Activity.CreateMessageActivity($"请于本月 25 日前完成党费缴纳（{i}）"), ct));
        await RunOnClockAsync(sending, TimeSpan.FromMilliseconds(250));

        var calls = weCom.Calls;
        Assert.Empty(weCom.Violations);
        Assert.Equal(Members, calls.Count);
        Assert.Equal(Enumerable.Range(0, Members).Select(i => $"u{i:D3}").Order(), calls.Select(c => c.To).Order());
        // 500 calls at 20 a second cannot take less than 24 s of platform time.
        Assert.True(calls[^1].At - calls[0].At >= TimeSpan.FromSeconds(24), $"span {calls[^1].At - calls[0].At}");
    }

    [Fact]
    public async Task WeCom_500MemberBroadcast_BatchedIntoCallsOfAtMostBatchSize()
    {
        await using var weCom = new FakeWeComServer(_clock, appLimit: 2, appWindow: TimeSpan.FromSeconds(1));
        await weCom.StartAsync();
        await using var host = WeComTestHost.Create(redis, weCom, new RecordingBot(), _clock, new Dictionary<string, string>
        {
            ["WeCom:BatchSize"] = "100",
            ["WeCom:AppLimit"] = "2",
        });
        var broadcast = host.Services.GetRequiredService<IBroadcastMessenger>();
        weCom.InvalidUsers["u007"] = 0;

        var report = await RunOnClockAsync(
            broadcast.SendAsync(Enumerable.Range(0, Members).Select(i => new BroadcastRecipient($"m{i}", WeComMember(i))).ToArray(), Activity.CreateMessageActivity("支部党员大会通知"), CancellationToken.None),
            TimeSpan.FromMilliseconds(250));

        Assert.Empty(weCom.Violations);
        Assert.Equal(100, weCom.LargestBatch);
        Assert.Equal(Members - 1, weCom.Calls.Count);
        Assert.Equal((Members - 1, Members, 1), (report.Delivered, report.Total, report.Failed));
        Assert.False(report.Members.Single(m => m.MemberId == "m7").Delivered);
        // Five calls at two a second: the last batch arrives at least two seconds after the first.
        Assert.True(weCom.Calls[^1].At - weCom.Calls[0].At >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task WeCom_40RemindersToOneMember_HeldToThirtyAMinute()
    {
        await using var weCom = new FakeWeComServer(_clock, appLimit: 1000);
        await weCom.StartAsync();
        await using var host = WeComTestHost.Create(redis, weCom, new RecordingBot(), _clock, new Dictionary<string, string> { ["WeCom:AppLimit"] = "1000" });
        var messenger = host.Services.GetRequiredService<IProactiveMessenger>();

        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await messenger.SendAsync(WeComMember(1), Activity.CreateMessageActivity($"提醒 {i}"), CancellationToken.None);
            }
        });
        await RunOnClockAsync(sending, TimeSpan.FromSeconds(1));

        Assert.Empty(weCom.Violations);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"提醒 {i}"), weCom.Calls.Select(c => c.Text));
        Assert.True(weCom.Calls[30].At - weCom.Calls[0].At >= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task WeCom_25GroupNotices_AtMost20AMinute()
    {
        await using var weCom = new FakeWeComServer(_clock);
        await weCom.StartAsync();
        await using var host = WeComTestHost.Create(redis, weCom, new RecordingBot(), _clock);
        var notices = host.Services.GetServices<IGroupNoticeSender>().Single(n => n.ChannelId == "wecom");

        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await notices.PublishAsync($"通知{i}", "内容", CancellationToken.None);
            }
        });
        await RunOnClockAsync(sending, TimeSpan.FromSeconds(1));

        Assert.Empty(weCom.Violations);
        Assert.Equal(25, weCom.Calls.Count);
        Assert.True(weCom.Calls[20].At - weCom.Calls[0].At >= TimeSpan.FromMinutes(1));
    }

    private static ConversationReference WeComMember(int i) => new() { ChannelId = "wecom", User = new ChannelAccount { Id = $"u{i:D3}" } };

    private Task RunOnClockAsync(Task work, TimeSpan step) => ClockDriver.RunAsync(_clock, work, step);

    private Task<T> RunOnClockAsync<T>(Task<T> work, TimeSpan step) => ClockDriver.RunAsync(_clock, work, step);
}
