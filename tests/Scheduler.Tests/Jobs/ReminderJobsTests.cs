using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Jobs;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Settings;
using PartyAffairs.Scheduler.Tests.Delivery;
using PartyAffairs.Tests.Infrastructure;
using Quartz;
using StackExchange.Redis;

namespace PartyAffairs.Scheduler.Tests.Jobs;

/// <summary>
/// The Quartz side run for real: a Quartz scheduler (in-memory store) per host on the fake clock, the real tick, sync and
/// start-up wiring, real redis-server, a loopback sender. The fake clock is moved by the test; Quartz waits on it.
/// </summary>
[Collection(RedisGroup.Name)]
public sealed class ReminderJobsTests(RedisServerFixture redis)
{
    private const string Branch = "b1";
    private const string ThemedDay = "设置主题党日 每月第一个周五 15:00 三楼会议室";

    private static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + "+08:00", CultureInfo.InvariantCulture);

    private async Task<(FakeTimeProvider Time, BranchRoster Roster)> ArrangeAsync(string now, int members = 12, string? themedDay = ThemedDay)
    {
        await redis.FlushAsync();
        var time = new FakeTimeProvider(Local(now));
        var roster = new BranchRoster().With(Branch, members);
        if (themedDay is not null)
        {
            var store = new RedisBranchSettingsStore(redis.Connection);
            var command = SettingsCommandParser.Parse(themedDay);
            await store.SaveAsync(Branch, command.Apply!(new BranchReminderSettings()), default);
        }

        return (time, roster);
    }

    /// <summary>Lets the start-up delay pass and waits until the first catch-up tick of every group has run.</summary>
    private static async Task StartedAsync(ReminderHost host, string branchId = Branch)
    {
        await ReminderHost.StepUntilAsync(host.Time, () => Task.FromResult(Enum.GetValues<ReminderGroup>().All(g => host.Fires.Of(ReminderTriggerFactory.Key(branchId, g)).Count > 0)), $"first ticks of {branchId} after the start delay; fires: {string.Join(", ", host.Fires.Fires.Select(f => f.Trigger))}; log: {host.Log}");
    }

    [Fact]
    public async Task Tick_ThemedDayTrigger_FiresAtThePlannedShanghaiInstantSendsEachMemberOnceAndMovesOn()
    {
        var (time, roster) = await ArrangeAsync("2026-11-02T10:00:00");
        await using var host = await ReminderHost.StartAsync(redis.Configuration, time, roster);
        await StartedAsync(host);
        var key = ReminderTriggerFactory.Key(Branch, ReminderGroup.ThemedDay);

        // Themed day Friday Nov 6 15:00; lead 3 days at 08:30 Beijing time = Nov 3 00:30 UTC.
        var due = Local("2026-11-03T08:30:00");
        Assert.Equal(due, await host.NextFireAsync(Branch, ReminderGroup.ThemedDay));
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await (await host.SchedulerAsync()).GetTrigger(key));
        Assert.Equal("Asia/Shanghai", trigger.TimeZone.Id);

        time.Advance(due - time.GetUtcNow() - TimeSpan.FromSeconds(1));
        await ReminderHost.WaitForAsync(async () => await host.NextFireAsync(Branch, ReminderGroup.ThemedDay) == due, "trigger still pending one second before");
        Assert.Single(host.Fires.Of(key));
        time.Advance(TimeSpan.FromSeconds(1));
        await ReminderHost.WaitForAsync(() => Task.FromResult(host.Fires.Of(key).Count == 2), "the themed-day trigger fired");

        var fire = host.Fires.Of(key)[1];
        Assert.Null(fire.Error);
        Assert.Equal(due, fire.Scheduled);
        Assert.Equal(due, fire.FiredAt);
        await ReminderHost.StepUntilAsync(time, () => Task.FromResult(host.Sender.OfKind("themed-1106-3d").Count >= roster.MemberIds(Branch).Count), "the fan-out delivered");
        var sent = host.Sender.OfKind("themed-1106-3d");
        Assert.Equal(roster.MemberIds(Branch).Order(), sent.Select(d => d.MemberId).Order());
        Assert.All(host.Sender.Sent.Where(s => s.Delivery.IdempotencyKey.Contains("themed-1106-3d", StringComparison.Ordinal)), s => Assert.True(s.At >= due));

        // The trigger moved on to the on-the-day reminder (Nov 6 08:30 Beijing time); that fire sends the next kind, never the first again.
        var next = Local("2026-11-06T08:30:00");
        Assert.Equal(next, await host.NextFireAsync(Branch, ReminderGroup.ThemedDay));
        time.Advance(next - time.GetUtcNow());
        await ReminderHost.WaitForAsync(() => Task.FromResult(host.Fires.Of(key).Count == 3), "the on-the-day fire");
        Assert.Equal(next, host.Fires.Of(key)[2].FiredAt);
        await ReminderHost.StepUntilAsync(time, () => Task.FromResult(host.Sender.OfKind("themed-1106-0d").Count >= roster.MemberIds(Branch).Count), "the on-the-day reminders delivered");
        Assert.Equal(roster.MemberIds(Branch).Count, host.Sender.OfKind("themed-1106-3d").Count);
        Assert.Equal(roster.MemberIds(Branch).Count, host.Sender.OfKind("themed-1106-0d").Count);
    }
}
