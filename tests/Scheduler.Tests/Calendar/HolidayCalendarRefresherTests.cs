using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Tests.Delivery;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Scheduler.Tests.Calendar;

/// <summary>Loaded notices through a real redis-server: every instance takes them up, and they survive a restart.</summary>
[Collection(RedisGroup.Name)]
public sealed class HolidayCalendarRefresherTests(RedisServerFixture redis)
{
    private sealed class RecordingTriggers : IReminderTriggers
    {
        public ConcurrentQueue<string> Refreshed { get; } = new();

        public Task RefreshAsync(string branchId, CancellationToken cancellationToken)
        {
            Refreshed.Enqueue(branchId);
            return Task.CompletedTask;
        }
    }

    private sealed record Instance(WorkingCalendar Calendar, HolidayCalendarRefresher Refresher, RecordingTriggers Triggers, FakeTimeProvider Time);

    private Instance Start()
    {
        var calendar = WorkingCalendar.LoadDefault();
        var triggers = new RecordingTriggers();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00+08:00", CultureInfo.InvariantCulture));
        var refresher = new HolidayCalendarRefresher(calendar, new RedisHolidayNoticeStore(redis.Connection), InMemoryDirectory.WithMembers(1),
            [triggers], time, NullLogger<HolidayCalendarRefresher>.Instance);
        return new Instance(calendar, refresher, triggers, time);
    }

    private static HolidayYear Notice2027()
    {
        Assert.Null(HolidayNoticeJson.Read(SampleNotice.For2027().ToJsonString(), 2027, out var notice));
        return notice!;
    }

    [Fact]
    public async Task Load_OnOneInstance_InForceThereAtOnceOnTheOtherAfterItsRefreshAndAfterARestart()
    {
        await redis.FlushAsync();
        var a = Start();
        var b = Start();
        await a.Refresher.RefreshAsync(default);
        await b.Refresher.RefreshAsync(default);

        await a.Refresher.LoadAsync(Notice2027(), default);

        Assert.False(a.Calendar.IsProvisional(2027));
        Assert.True(b.Calendar.IsProvisional(2027));
        Assert.True(await b.Refresher.RefreshAsync(default));
        Assert.False(b.Calendar.IsProvisional(2027));
        Assert.True(b.Calendar.IsAdjustedWorkday(new DateOnly(2027, 2, 20)));
        Assert.False(await b.Refresher.RefreshAsync(default));

        var restarted = Start();
        Assert.True(restarted.Calendar.IsProvisional(2027));
        await restarted.Refresher.RefreshAsync(default);
        Assert.Equal(HolidayDataOrigin.Loaded, restarted.Calendar.Year(2027).Origin);
    }

    [Fact]
    public async Task Refresh_NoticesChanged_EveryBranchsTriggersRefreshedButNotAtStartUp()
    {
        await redis.FlushAsync();
        await new RedisHolidayNoticeStore(redis.Connection).SaveAsync(Notice2027(), default);
        var instance = Start();

        await instance.Refresher.RefreshAsync(default);
        Assert.Empty(instance.Triggers.Refreshed);

        var corrected = Notice2027() with { Workdays = [] };
        await new RedisHolidayNoticeStore(redis.Connection).SaveAsync(corrected, default);
        await instance.Refresher.RefreshAsync(default);

        Assert.Equal(["b1"], instance.Triggers.Refreshed);
        Assert.False(instance.Calendar.IsWorkingDay(new DateOnly(2027, 2, 20)));
    }

    [Fact]
    public async Task Refresh_StoredNoticeUnreadable_IgnoredAndTheOthersApplied()
    {
        await redis.FlushAsync();
        await new RedisHolidayNoticeStore(redis.Connection).SaveAsync(Notice2027(), default);
        await redis.Connection.GetDatabase().HashSetAsync(RedisHolidayNoticeStore.Key, "2028", "{not json");
        var instance = Start();

        await instance.Refresher.RefreshAsync(default);

        Assert.False(instance.Calendar.IsProvisional(2027));
        Assert.True(instance.Calendar.IsProvisional(2028));
    }

    [Fact]
    public async Task Run_NoticeStoredElsewhere_TakenUpWithinOneInterval()
    {
        await redis.FlushAsync();
        var store = new RedisHolidayNoticeStore(redis.Connection);
        await store.SaveAsync(StatutoryHolidays.Compute(2028) with { Source = "2028 notice" }, default);
        var instance = Start();
        await instance.Refresher.StartAsync(default);
        try
        {
            // The read at start-up takes up 2028; another instance then stores 2027.
            await WaitUntilAsync(() => !instance.Calendar.IsProvisional(2028));
            await store.SaveAsync(Notice2027(), default);
            Assert.True(instance.Calendar.IsProvisional(2027));

            await WaitUntilAsync(() =>
            {
                instance.Time.Advance(HolidayCalendarRefresher.Interval);
                return !instance.Calendar.IsProvisional(2027);
            });

            Assert.Equal(HolidayDataOrigin.Loaded, instance.Calendar.Year(2027).Origin);
        }
        finally
        {
            await instance.Refresher.StopAsync(default);
            instance.Refresher.Dispose();
        }
    }

    [Fact]
    public async Task Refresh_StoreDown_ThrowsAndTheCalendarKeepsItsNotices()
    {
        await redis.FlushAsync();
        var instance = Start();
        await instance.Refresher.LoadAsync(Notice2027(), default);
        await using var down = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=200,syncTimeout=200,asyncTimeout=200");
        var offline = new HolidayCalendarRefresher(instance.Calendar, new RedisHolidayNoticeStore(down), InMemoryDirectory.WithMembers(1), [],
            instance.Time, NullLogger<HolidayCalendarRefresher>.Instance);

        await Assert.ThrowsAnyAsync<Exception>(() => offline.RefreshAsync(default));

        Assert.False(instance.Calendar.IsProvisional(2027));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(50);
        }
    }
}
