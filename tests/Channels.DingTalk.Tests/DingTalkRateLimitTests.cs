using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Tests.Channels;
using PartyAffairs.Tests.DingTalk;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Channels.DingTalk.Tests;

/// <summary>
/// DingTalk broadcasts, reminders and group notices at the platform's limits, on a fake clock shared by the adapter and
/// the fake platform: every message arrives, no platform limit is ever exceeded at the platform, and the pacing really happened.
/// </summary>
public sealed class DingTalkRateLimitTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int Members = 500;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task DingTalk_500ProactiveRemindersInParallel_AllDeliveredWithinAppLimit()
    {
        await using var dingTalk = new FakeDingTalkServer(_clock, appLimit: 20, appWindow: TimeSpan.FromSeconds(1));
        await dingTalk.StartAsync();
        await using var host = DingTalkTestHost.Create(redis, dingTalk, new RecordingBot(), _clock);
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
        await using var host = DingTalkTestHost.Create(redis, dingTalk, new RecordingBot(), _clock, new Dictionary<string, string> { ["DingTalk:AppLimit"] = "5" });
        var broadcast = host.Services.GetRequiredService<IBroadcastMessenger>();
        dingTalk.InvalidStaffIds["s010"] = 0;
        dingTalk.InvalidStaffIds["s020"] = 0;

        var report = await RunOnClockAsync(
            broadcast.SendAsync(Enumerable.Range(0, Members).Select(i => new BroadcastRecipient($"m{i}", DingTalkMember(i))).ToArray(), Activity.CreateMessageActivity("请及时完成学习"), CancellationToken.None),
            TimeSpan.FromMilliseconds(250));

        Assert.Empty(dingTalk.Violations);
        Assert.Equal(Members - 2, dingTalk.Calls.Count);
        Assert.Equal((Members - 2, Members, 2), (report.Delivered, report.Total, report.Failed));
        Assert.Equal(["m10", "m20"], report.Members.Where(m => !m.Delivered).Select(m => m.MemberId));
        // 25 batch calls at five a second.
        Assert.True(dingTalk.Calls[^1].At - dingTalk.Calls[0].At >= TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task DingTalk_45GroupNotices_AtMost20AMinuteInOrder()
    {
        await using var dingTalk = new FakeDingTalkServer(_clock);
        await dingTalk.StartAsync();
        await using var host = DingTalkTestHost.Create(redis, dingTalk, new RecordingBot(), _clock);
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
        await using var host = DingTalkTestHost.Create(redis, dingTalk, new RecordingBot(), _clock);
        var notices = host.Services.GetServices<IGroupNoticeSender>().Single(n => n.ChannelId == "dingtalk");
        var start = _clock.GetUtcNow();

        await RunOnClockAsync(notices.PublishAsync("党费通知", "本月党费请于 25 日前缴纳。", CancellationToken.None), TimeSpan.FromSeconds(10));

        var call = Assert.Single(dingTalk.Calls);
        Assert.Empty(dingTalk.Violations);
        Assert.True(call.At - start >= TimeSpan.FromMinutes(10));
    }

    private static ConversationReference DingTalkMember(int i) => new() { ChannelId = "dingtalk", User = new ChannelAccount { Id = $"s{i:D3}" } };

    private Task RunOnClockAsync(Task work, TimeSpan step) => ClockDriver.RunAsync(_clock, work, step);

    private Task<T> RunOnClockAsync<T>(Task<T> work, TimeSpan step) => ClockDriver.RunAsync(_clock, work, step);
}
