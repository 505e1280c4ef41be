using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Bot.Tests.Channels.Fakes;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Channels;

/// <summary>
/// Broadcasts and reminders at the platforms' limits, on a fake clock shared by the bot and the fake platforms: every
/// message arrives, no platform limit is ever exceeded at the platform, and the pacing really happened.
/// </summary>
public sealed class BroadcastRateLimitTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int Members = 500;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WeCom_500ProactiveRemindersInParallel_AllDeliveredWithinAppLimit()
    {
        await using var weCom = new FakeWeComServer(_clock, appLimit: 20, appWindow: TimeSpan.FromSeconds(1));
        await weCom.StartAsync();
        await using var host = ChannelTestHost.Create(redis, dingTalk: null, weCom, new RecordingBot(), _clock);
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
        await using var host = ChannelTestHost.Create(redis, dingTalk: null, weCom, new RecordingBot(), _clock, new Dictionary<string, string>
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
        Assert.Equal($"已送达 {Members - 1}/{Members}，1 人发送失败", report.Summary);
        Assert.False(report.Members.Single(m => m.MemberId == "m7").Delivered);
        // Five calls at two a second: the last batch arrives at least two seconds after the first.
        Assert.True(weCom.Calls[^1].At - weCom.Calls[0].At >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task WeCom_40RemindersToOneMember_HeldToThirtyAMinute()
    {
        await using var weCom = new FakeWeComServer(_clock, appLimit: 1000);
        await weCom.StartAsync();
        await using var host = ChannelTestHost.Create(redis, dingTalk: null, weCom, new RecordingBot(), _clock, new Dictionary<string, string> { ["WeCom:AppLimit"] = "1000" });
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
    public async Task DingTalk_500ProactiveRemindersInParallel_AllDeliveredWithinAppLimit()
    {
        await using var dingTalk = new FakeDingTalkServer(_clock, appLimit: 20, appWindow: TimeSpan.FromSeconds(1));
        await dingTalk.StartAsync();
        await using var host = ChannelTestHost.Create(redis, dingTalk, weCom: null, new RecordingBot(), _clock);
        var messenger = host.Services.GetRequiredService<IProactiveMessenger>();

        var sending = Parallel.ForEachAsync(Enumerable.Range(0, Members), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await messenger.SendAsync(DingTalkMember(i), Activity.CreateMessageActivity($"主题党日提醒（{i}）"), ct));
        await RunOnClockAsync(sending, TimeSpan.FromMilliseconds(250));

        var calls = dingTalk.Calls;
        Assert.Empty(dingTalk.Violations);
        Assert.Equal(Members, calls.Count);
        Assert.Equal(Members, calls.Select(c => c.To).Distinct().Count());
        Assert.True(calls[^1].At - calls[0].At >= TimeSpan.FromSeconds(24), $"span {calls[^1].At - calls[0].At}");
        Assert.Equal(1, dingTalk.TokensIssued);
    }

    [Fact]
    public async Task DingTalk_500MemberBroadcast_BatchesOf20AndPerMemberReport()
    {
        await using var dingTalk = new FakeDingTalkServer(_clock, appLimit: 5, appWindow: TimeSpan.FromSeconds(1));
        await dingTalk.StartAsync();
        await using var host = ChannelTestHost.Create(redis, dingTalk, weCom: null, new RecordingBot(), _clock, new Dictionary<string, string> { ["DingTalk:AppLimit"] = "5" });
        var broadcast = host.Services.GetRequiredService<IBroadcastMessenger>();
        dingTalk.InvalidStaffIds["s010"] = 0;
        dingTalk.InvalidStaffIds["s020"] = 0;

        var report = await RunOnClockAsync(
            broadcast.SendAsync(Enumerable.Range(0, Members).Select(i => new BroadcastRecipient($"m{i}", DingTalkMember(i))).ToArray(), Activity.CreateMessageActivity("请及时完成学习"), CancellationToken.None),
            TimeSpan.FromMilliseconds(250));

        Assert.Empty(dingTalk.Violations);
        Assert.Equal(Members - 2, dingTalk.Calls.Count);
        Assert.Equal($"已送达 {Members - 2}/{Members}，2 人发送失败", report.Summary);
        Assert.Equal(["m10", "m20"], report.Members.Where(m => !m.Delivered).Select(m => m.MemberId));
        // 25 batch calls at five a second.
        Assert.True(dingTalk.Calls[^1].At - dingTalk.Calls[0].At >= TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task DingTalk_45GroupNotices_AtMost20AMinuteInOrder()
    {
        await using var dingTalk = new FakeDingTalkServer(_clock);
        await dingTalk.StartAsync();
        await using var host = ChannelTestHost.Create(redis, dingTalk, weCom: null, new RecordingBot(), _clock);
        var notices = host.Services.GetServices<IGroupNoticeSender>().Single(n => n.ChannelId == "dingtalk");

        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < 45; i++)
            {
                await notices.PublishAsync($"通知{i}", "请各位党员按时参加。", CancellationToken.None);
            }
        });
        await RunOnClockAsync(sending, TimeSpan.FromSeconds(1));

        var calls = dingTalk.Calls;
        Assert.Empty(dingTalk.Violations);
        Assert.Equal(Enumerable.Range(0, 45).Select(i => $"通知{i}"), calls.Select(c => c.Text.Split('|')[0]));
        Assert.True(calls[40].At - calls[0].At >= TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task DingTalk_RobotSaysTooFast_WaitsOutTheTenMinuteBlockThenDelivers()
    {
        await using var dingTalk = new FakeDingTalkServer(_clock) { RobotTooFastAnswers = 1 };
        await dingTalk.StartAsync();
        await using var host = ChannelTestHost.Create(redis, dingTalk, weCom: null, new RecordingBot(), _clock);
        var notices = host.Services.GetServices<IGroupNoticeSender>().Single(n => n.ChannelId == "dingtalk");
        var start = _clock.GetUtcNow();

        await RunOnClockAsync(notices.PublishAsync("党费通知", "本月党费请于 25 日前缴纳。", CancellationToken.None), TimeSpan.FromSeconds(10));

        var call = Assert.Single(dingTalk.Calls);
        Assert.Empty(dingTalk.Violations);
        Assert.True(call.At - start >= TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task WeCom_25GroupNotices_AtMost20AMinute()
    {
        await using var weCom = new FakeWeComServer(_clock);
        await weCom.StartAsync();
        await using var host = ChannelTestHost.Create(redis, dingTalk: null, weCom, new RecordingBot(), _clock);
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

    private static ConversationReference DingTalkMember(int i) => new() { ChannelId = "dingtalk", User = new ChannelAccount { Id = $"s{i:D3}" } };

    private async Task RunOnClockAsync(Task work, TimeSpan step) => await RunOnClockAsync(work.ContinueWith(t => { t.GetAwaiter().GetResult(); return 0; }, TaskScheduler.Default), step);

    // Moves the shared fake clock forward while the work runs, so waits on it complete; fails after a minute of real time.
    private async Task<T> RunOnClockAsync<T>(Task<T> work, TimeSpan step)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!work.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The work did not finish within a minute of real time.");
            }

            _clock.Advance(step);
            await Task.Delay(2);
        }

        return await work;
    }
}
