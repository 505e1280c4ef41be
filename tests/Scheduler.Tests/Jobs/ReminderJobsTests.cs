using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Bot.Reminders;
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

    [Fact]
    public async Task Tick_SettingsUnreadableAtTheFire_RetriedAMinuteLaterAndSentOnce()
    {
        var (time, roster) = await ArrangeAsync("2026-11-02T10:00:00");
        await using var host = await ReminderHost.StartAsync(redis.Configuration, time, roster);
        await StartedAsync(host);
        var due = Local("2026-11-03T08:30:00");
        var db = redis.Connection.GetDatabase();
        var saved = await db.StringGetAsync(ReminderKeys.Settings(Branch));
        await db.StringSetAsync(ReminderKeys.Settings(Branch), "{ not json");
        var key = ReminderTriggerFactory.Key(Branch, ReminderGroup.ThemedDay);
        var before = host.Fires.Of(key).Count;

        time.Advance(due - time.GetUtcNow());
        await ReminderHost.WaitForAsync(() => Task.FromResult(host.Fires.Of(key).Count > before), "the failing fire");

        Assert.Equal(due.Add(ReminderTickJob.RetryAfterFailure), await host.NextFireAsync(Branch, ReminderGroup.ThemedDay));
        Assert.Contains(host.Log.Lines, l => l.Contains("Reminder tick for branch b1 ThemedDay failed", StringComparison.Ordinal));
        Assert.Empty(host.Sender.OfKind("themed-1106-3d"));

        await db.StringSetAsync(ReminderKeys.Settings(Branch), saved);
        await FireAndDeliverAsync(host, ReminderGroup.ThemedDay, due.Add(ReminderTickJob.RetryAfterFailure), "themed-1106-3d", roster.MemberIds(Branch).Count);
        Assert.Equal(roster.MemberIds(Branch).Order(), host.Sender.OfKind("themed-1106-3d").Select(d => d.MemberId).Order());
    }

    [Fact]
    public async Task Sync_BranchCreatedWhileRunning_GetsItsTriggersAtTheNextSync()
    {
        var (time, roster) = await ArrangeAsync("2026-11-02T10:00:00");
        await using var host = await ReminderHost.StartAsync(redis.Configuration, time, roster);
        await StartedAsync(host);

        roster.With("b2", 5);
        Assert.Null(await host.NextFireAsync("b2", ReminderGroup.Dues));

        // The sync trigger fires every ten minutes, Beijing time: 10:10:00.
        var sync = Local("2026-11-02T10:10:00");
        var syncs = host.Fires.Of(ReminderSchedulerServices.SyncTriggerKey).Count;
        time.Advance(sync - time.GetUtcNow());
        await ReminderHost.WaitForAsync(() => Task.FromResult(host.Fires.Of(ReminderSchedulerServices.SyncTriggerKey).Count > syncs), "the sync job ran");
        Assert.Equal(sync, host.Fires.Of(ReminderSchedulerServices.SyncTriggerKey)[^1].Scheduled);
        Assert.Equal(sync, host.Fires.Of(ReminderSchedulerServices.SyncTriggerKey)[^1].FiredAt);
        Assert.True(await host.HasTriggersAsync("b2"));

        // Its first ticks catch up and move the triggers on, like any other branch's (same default dues days as b1).
        await StartedAsync(host, "b2");
        var dues = await host.NextFireAsync("b2", ReminderGroup.Dues);
        Assert.NotNull(dues);
        Assert.Equal(await host.NextFireAsync(Branch, ReminderGroup.Dues), dues);
        Assert.True(dues > time.GetUtcNow());
    }

    [Fact]
    public async Task Refresh_PlaceChangedBeforeThePendingFire_FireKeptAndSentOnceWithTheNewPlace()
    {
        var (time, roster) = await ArrangeAsync("2026-11-02T10:00:00");
        await using var host = await ReminderHost.StartAsync(redis.Configuration, time, roster);
        await StartedAsync(host);
        var due = Local("2026-11-03T08:30:00");
        Assert.Equal(due, await host.NextFireAsync(Branch, ReminderGroup.ThemedDay));

        var settings = host.Services.GetRequiredService<ReminderSettingsService>();
        Assert.True((await settings.ApplyCommandAsync(Branch, "设置主题党日 每月第一个周五 15:00 四楼会议室", default)).Saved);
        Assert.Equal(due, await host.NextFireAsync(Branch, ReminderGroup.ThemedDay));

        await FireAndDeliverAsync(host, ReminderGroup.ThemedDay, due, "themed-1106-3d", roster.MemberIds(Branch).Count);
        var sent = host.Sender.OfKind("themed-1106-3d");
        Assert.Equal(roster.MemberIds(Branch).Order(), sent.Select(d => d.MemberId).Order());
        Assert.All(sent, d => Assert.Contains("四楼会议室", d.Message.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refresh_ThemedDayMovedEarlier_TriggerMovesEarlierAndFiresThere()
    {
        var (time, roster) = await ArrangeAsync("2026-11-01T10:00:00");
        await using var host = await ReminderHost.StartAsync(redis.Configuration, time, roster);
        await StartedAsync(host);
        Assert.Equal(Local("2026-11-03T08:30:00"), await host.NextFireAsync(Branch, ReminderGroup.ThemedDay));

        // Thursday Nov 5: three days before is Monday Nov 2, earlier than the pending fire.
        var settings = host.Services.GetRequiredService<ReminderSettingsService>();
        Assert.True((await settings.ApplyCommandAsync(Branch, "设置主题党日 每月第一个周四 15:00 三楼会议室", default)).Saved);
        var earlier = Local("2026-11-02T08:30:00");
        Assert.Equal(earlier, await host.NextFireAsync(Branch, ReminderGroup.ThemedDay));

        await FireAndDeliverAsync(host, ReminderGroup.ThemedDay, earlier, "themed-1105-3d", roster.MemberIds(Branch).Count);
        Assert.Equal(roster.MemberIds(Branch).Count, host.Sender.OfKind("themed-1105-3d").Count);
        Assert.Empty(host.Sender.OfKind("themed-1106"));
    }

    [Fact]
    public async Task Refresh_ThemedDayMovedLater_PendingFireKeptThenTriggerMovesToTheNewDay()
    {
        var (time, roster) = await ArrangeAsync("2026-11-02T10:00:00");
        await using var host = await ReminderHost.StartAsync(redis.Configuration, time, roster);
        await StartedAsync(host);
        var pending = Local("2026-11-03T08:30:00");

        var settings = host.Services.GetRequiredService<ReminderSettingsService>();
        Assert.True((await settings.ApplyCommandAsync(Branch, "设置主题党日 每月20日 15:00 三楼会议室", default)).Saved);
        Assert.Equal(pending, await host.NextFireAsync(Branch, ReminderGroup.ThemedDay));

        // The kept fire re-plans with the new settings: nothing of the old day is sent, the trigger moves to Nov 17 08:30.
        var key = ReminderTriggerFactory.Key(Branch, ReminderGroup.ThemedDay);
        var before = host.Fires.Of(key).Count;
        time.Advance(pending - time.GetUtcNow());
        await ReminderHost.WaitForAsync(() => Task.FromResult(host.Fires.Of(key).Count == before + 1), "the kept fire");
        Assert.Equal(pending, host.Fires.Of(key)[^1].FiredAt);
        Assert.Equal(Local("2026-11-17T08:30:00"), await host.NextFireAsync(Branch, ReminderGroup.ThemedDay));
        Assert.Empty(host.Sender.OfKind("themed-"));
    }

    [Fact]
    public async Task Restart_AfterDowntime_UsefulMissedRemindersCaughtUpOnceNothingSentTwice()
    {
        var (time, roster) = await ArrangeAsync("2026-11-30T09:00:00");
        var members = roster.MemberIds(Branch).Count;
        var first = await ReminderHost.StartAsync(redis.Configuration, time, roster);
        await StartedAsync(first);

        // Dec 1 08:30: the themed day's 3-day lead and the month's dues reminder.
        var dec1 = Local("2026-12-01T08:30:00");
        Assert.Equal(dec1, await first.NextFireAsync(Branch, ReminderGroup.ThemedDay));
        await FireAndDeliverAsync(first, ReminderGroup.ThemedDay, dec1, "themed-1204-3d", members);
        await ReminderHost.StepUntilAsync(time, async () => first.Sender.OfKind(":2026-12:dues:").Count >= members && await first.IdleAsync(), "dues delivered");
        await first.DisposeAsync();

        // Down until Friday Dec 4 10:00: the on-the-day reminder (08:30) was missed and is useful until 15:00.
        time.SetUtcNow(Local("2026-12-04T10:00:00"));
        await using var second = await ReminderHost.StartAsync(redis.Configuration, time, roster);
        await StartedAsync(second);
        await ReminderHost.StepUntilAsync(time, async () => second.Sender.OfKind("themed-1204-0d").Count >= members && await second.IdleAsync(), "catch-up delivered");

        Assert.Equal(roster.MemberIds(Branch).Order(), second.Sender.OfKind("themed-1204-0d").Select(d => d.MemberId).Order());
        Assert.Empty(second.Sender.OfKind("themed-1204-3d"));
        Assert.Empty(second.Sender.OfKind(":2026-12:dues:"));
        var keys = first.Sender.Sent.Concat(second.Sender.Sent).Select(s => s.Delivery.IdempotencyKey).ToArray();
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.True(second.Sender.Sent.All(s => s.At >= Local("2026-12-04T10:00:00")));
    }

    [Fact]
    public async Task TwoHosts_SameTriggerFiresOnBoth_EachReminderSentOnce()
    {
        var (time, roster) = await ArrangeAsync("2026-11-30T09:00:00", members: 40);
        var members = roster.MemberIds(Branch).Count;
        await using var a = await ReminderHost.StartAsync(redis.Configuration, time, roster);
        await using var b = await ReminderHost.StartAsync(redis.Configuration, time, roster);
        await StartedAsync(a);
        await StartedAsync(b);
        var key = ReminderTriggerFactory.Key(Branch, ReminderGroup.ThemedDay);
        var due = Local("2026-12-01T08:30:00");
        Assert.Equal(due, await a.NextFireAsync(Branch, ReminderGroup.ThemedDay));
        Assert.Equal(due, await b.NextFireAsync(Branch, ReminderGroup.ThemedDay));
        var firedA = a.Fires.Of(key).Count;
        var firedB = b.Fires.Of(key).Count;

        time.Advance(due - time.GetUtcNow());
        await ReminderHost.WaitForAsync(() => Task.FromResult(a.Fires.Of(key).Count > firedA && b.Fires.Of(key).Count > firedB), "both hosts fired");
        Assert.Equal(due, a.Fires.Of(key)[^1].FiredAt);
        Assert.Equal(due, b.Fires.Of(key)[^1].FiredAt);
        await ReminderHost.StepUntilAsync(
            time,
            async () => a.Sender.OfKind("themed-1204-3d").Count + b.Sender.OfKind("themed-1204-3d").Count >= members && await a.IdleAsync() && await b.IdleAsync(),
            "both hosts drained");

        var themed = a.Sender.OfKind("themed-1204-3d").Concat(b.Sender.OfKind("themed-1204-3d")).ToArray();
        Assert.Equal(roster.MemberIds(Branch).Order(), themed.Select(d => d.MemberId).Order());
        var keys = a.Sender.Sent.Concat(b.Sender.Sent).Select(s => s.Delivery.IdempotencyKey).ToArray();
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Moves the clock to <paramref name="due"/>, waits for the group's trigger to fire there, then lets delivery drain.</summary>
    private static async Task FireAndDeliverAsync(ReminderHost host, ReminderGroup group, DateTimeOffset due, string kind, int expected)
    {
        var key = ReminderTriggerFactory.Key(Branch, group);
        var before = host.Fires.Of(key).Count;
        host.Time.Advance(due - host.Time.GetUtcNow());
        await ReminderHost.WaitForAsync(() => Task.FromResult(host.Fires.Of(key).Count > before), $"{key} fired");
        Assert.Equal(due, host.Fires.Of(key)[^1].FiredAt);
        try
        {
            await ReminderHost.StepUntilAsync(host.Time, async () => host.Sender.OfKind(kind).Count >= expected && await host.IdleAsync(), $"{kind} delivered");
        }
        catch (TimeoutException e)
        {
            var db = host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
            var fires = string.Join(" | ", host.Fires.Fires.Select(f => $"{f.Trigger.Name} s={f.Scheduled:HH:mm:ss} f={f.FiredAt:MM-dd HH:mm:ss} err={f.Error?.Message}"));
            throw new TimeoutException($"{e.Message}; sent {host.Sender.OfKind(kind).Count} of {expected}; queue {await db.ListLengthAsync(ReminderKeys.Queue)}; sent all {host.Sender.Sent.Count}; fires {fires}; log: {host.Log}", e);
        }
    }
}
