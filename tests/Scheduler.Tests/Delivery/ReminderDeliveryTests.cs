using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;
using PartyAffairs.Scheduler.Tests.Completion;

namespace PartyAffairs.Scheduler.Tests.Delivery;

public abstract class ReminderDeliveryTests(RedisServerFixture redis, ILedgerBackend ledgers)
{
    private const string Branch = "b1";

    private static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + "+08:00", CultureInfo.InvariantCulture);

    private async Task<(SchedulerHarness Harness, InMemoryDirectory Directory, LoopbackSink Sink)> StartAsync(string now, int members = 30, string? themedDay = "设置主题党日 每月第一个周五 15:00 三楼会议室")
    {
        await redis.FlushAsync();
        await ledgers.ResetAsync();
        var time = new FakeTimeProvider(Local(now));
        var directory = InMemoryDirectory.WithMembers(members);
        var sink = new LoopbackSink();
        var harness = new SchedulerHarness(redis.Connection, time, directory, sink, ledger: ledgers.Create(redis.Connection));
        if (themedDay is not null)
        {
            Assert.True((await harness.SettingsService.ApplyCommandAsync(Branch, themedDay, default)).Saved);
        }

        return (harness, directory, sink);
    }

    [Fact]
    public async Task Run_ThemedDayLead_EachMemberOnceWithButtonsEvenWhenFiredAgain()
    {
        var (harness, directory, sink) = await StartAsync("2026-11-03T08:30:00");

        await harness.RunAsync(Branch);
        await harness.RunAsync(Branch);
        await harness.Coordinator.TickAsync(Branch, ReminderGroup.ThemedDay, default);
        await harness.Dispatcher.DrainAsync(default);

        var themed = sink.OfKind("themed-1106-3d");
        Assert.Equal(directory.Members.Count, themed.Count);
        Assert.Equal(directory.Members.Select(m => m.MemberId).Order(), themed.Select(d => d.MemberId).Order());
        var message = themed[0].Message;
        Assert.Contains("三楼会议室", message.Text, StringComparison.Ordinal);
        Assert.Equal(["已完成", "请假"], message.Actions.Select(a => a.Title));
        Assert.Equal("已完成 主题党日 2026-11", message.Actions[0].Value);
    }

    [Fact]
    public async Task Run_TwoInstancesOnOneRedis_EachReminderOnce()
    {
        var (first, directory, sinkA) = await StartAsync("2026-12-01T08:30:00", members: 300, themedDay: null);
        await using var second = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var sinkB = new LoopbackSink();
        var other = new SchedulerHarness(second, first.Time, directory, sinkB, ledger: ledgers.Create(second));

        await Task.WhenAll(Task.Run(() => first.RunAsync(Branch)), Task.Run(() => other.RunAsync(Branch)));

        var dues = sinkA.OfKind(":dues:").Concat(sinkB.OfKind(":dues:")).ToArray();
        Assert.Equal(directory.Members.Count, dues.Length);
        Assert.Equal(directory.Members.Count, dues.Select(d => d.MemberId).Distinct().Count());
    }

    [Fact]
    public async Task Drain_ProcessStoppedMidFanOut_NextInstanceDeliversTheRestOnce()
    {
        var (first, directory, sinkA) = await StartAsync("2026-12-01T08:30:00", members: 120, themedDay: null);
        var stop = new CancellationTokenSource();
        sinkA.Behaviour = (call, _) =>
        {
            if (call == 40)
            {
                stop.Cancel();
            }

            return null;
        };
        first.Options.Parallelism = 1;
        await first.Coordinator.TickAsync(Branch, ReminderGroup.Dues, default);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.Dispatcher.DrainAsync(stop.Token));
        Assert.Equal(40, sinkA.OfKind(":dues:").Count);

        // The process is gone; after its lease runs out a restarted instance recovers what it had taken.
        first.Time.Advance(first.Options.Lease + TimeSpan.FromSeconds(1));
        var sinkB = new LoopbackSink();
        var restarted = new SchedulerHarness(redis.Connection, first.Time, directory, sinkB, ledger: ledgers.Create(redis.Connection));
        await restarted.RunAsync(Branch);

        var all = sinkA.OfKind(":dues:").Concat(sinkB.OfKind(":dues:")).ToArray();
        Assert.Equal(directory.Members.Count, all.Length);
        Assert.Equal(directory.Members.Count, all.Select(d => d.MemberId).Distinct().Count());
    }

    [Fact]
    public async Task Run_FanOutInterruptedBeforeItWasMarkedQueued_RedoneWithoutDoubles()
    {
        var (harness, directory, sink) = await StartAsync("2026-12-01T08:30:00", members: 80, themedDay: null);
        var day = (await harness.Coordinator.UpcomingAsync(Branch, TimeSpan.FromMinutes(1), default)).ToArray();
        var half = new InMemoryDirectory();
        half.Members.AddRange(directory.Members.Take(40));
        var partial = new ReminderFanOut(half, harness.Ledger, harness.Store, new Bot.Reminders.ReminderWording(), Microsoft.Extensions.Logging.Abstractions.NullLogger<ReminderFanOut>.Instance);
        await partial.FanOutSlotAsync("20261201", day, default); // the crash came before the slot and its reminders were marked queued

        await harness.RunAsync(Branch);

        var delivered = sink.OfKind(":dues:");
        Assert.Equal(80, delivered.Count);
        Assert.Equal(80, delivered.Select(d => d.MemberId).Distinct().Count());
        Assert.Equal(sink.Delivered.Count, sink.Delivered.Select(d => d.MemberId).Distinct().Count());
    }

    [Fact]
    public async Task Recover_SendInterrupted_RecordedAsFailedNotResent()
    {
        var (harness, _, sink) = await StartAsync("2026-12-01T08:30:00", members: 3, themedDay: null);
        var db = redis.Connection.GetDatabase();
        var occurrence = new OccurrenceRecord
        {
            Id = "b1:党费:2026-12:dues", BranchId = Branch, Kinds = ["党费"], PeriodKey = "2026-12",
            UsefulUntil = Local("2027-01-01T00:00:00"), Message = new ReminderMessage { Text = "x" },
        };
        await harness.Store.EnqueueAsync(occurrence, [], default);
        var item = new DeliveryItem(occurrence.Id, "m00001", "directline").ToString();
        await db.ListLeftPushAsync(ReminderKeys.Processing("dead"), item);
        await db.StringSetAsync(ReminderKeys.Reminder(occurrence.Id, "m00001"), "sending|dead");
        await db.HashSetAsync(ReminderKeys.Workers, "dead", Local("2026-12-01T08:00:00").ToUnixTimeMilliseconds());

        await harness.Dispatcher.MaintainAsync(default);
        await harness.Dispatcher.DrainAsync(default);

        Assert.Empty(sink.Delivered);
        Assert.Equal("failed|interrupted", (await db.StringGetAsync(ReminderKeys.Reminder(occurrence.Id, "m00001"))).ToString());
        Assert.False(await db.KeyExistsAsync(ReminderKeys.Processing("dead")));
    }

    [Fact]
    public async Task Run_MemberConfirmedDues_NoNudge()
    {
        var (harness, directory, sink) = await StartAsync("2026-12-01T08:30:00", members: 10, themedDay: null);
        await harness.RunAsync(Branch);
        Assert.Equal(10, sink.OfKind(":dues:").Count);

        Assert.Equal("已记录：交纳党费（2026-12）已完成。", await harness.Responses.HandleAsync(Branch, "m00001", "已完成 党费 2026-12", "a1", default));
        Assert.Contains("无需重复确认", await harness.Responses.HandleAsync(Branch, "m00001", "已完成 党费 2026-12", "a2", default), StringComparison.Ordinal);

        // Dec 20 is a Sunday: the nudge comes on Friday Dec 18. m00002 confirms after the fan-out, before delivery.
        harness.Time.SetUtcNow(Local("2026-12-18T08:30:00"));
        await harness.Coordinator.TickAsync(Branch, ReminderGroup.Dues, default);
        await harness.Responses.HandleAsync(Branch, "m00002", "已完成 党费 2026-12", "a3", default);
        await harness.Dispatcher.DrainAsync(default);

        var nudges = sink.OfKind("dues-nudge-20");
        Assert.Equal(directory.Members.Count - 2, nudges.Count);
        Assert.DoesNotContain(nudges, d => d.MemberId is "m00001" or "m00002");
        Assert.Equal("skipped|confirmed", (await redis.Connection.GetDatabase().StringGetAsync(ReminderKeys.Reminder("b1:党费:2026-12:dues-nudge-20", "m00002"))).ToString());
    }

    [Fact]
    public async Task Respond_Leave_ExemptsThatOccurrenceAndTellsTheSecretary()
    {
        var (harness, directory, sink) = await StartAsync("2026-12-01T08:30:00", members: 10);
        await harness.RunAsync(Branch);
        Assert.Single(sink.OfKind("themed-1204-3d"), d => d.MemberId == "m00003");

        var reply = await harness.Responses.HandleAsync(Branch, "m00003", "请假 主题党日 2026-12", "a1", default);
        await harness.Dispatcher.DrainAsync(default);

        Assert.Contains("请假", reply, StringComparison.Ordinal);
        Assert.Equal(CompletionStatus.Leave, (await harness.Ledger.GetAsync(Branch, "m00003", "主题党日", "2026-12", default))?.Status);
        var notice = Assert.Single(sink.OfKind("leave-m00003"));
        Assert.Equal("sec", notice.MemberId);
        Assert.Contains("党员3已就参加主题党日（2026-12）请假", notice.Message.Text, StringComparison.Ordinal);

        harness.Time.SetUtcNow(Local("2026-12-04T08:30:00"));
        await harness.RunAsync(Branch);
        var onTheDay = sink.OfKind("themed-1204-0d");
        Assert.Equal(directory.Members.Count - 1, onTheDay.Count);
        Assert.DoesNotContain(onTheDay, d => d.MemberId == "m00003");
    }

    [Fact]
    public async Task Run_AfterDowntime_UsefulRemindersCaughtUpOnceOthersDropped()
    {
        var (harness, directory, sink) = await StartAsync("2026-11-30T09:00:00", members: 5);
        await harness.RunAsync(Branch);
        Assert.Empty(sink.Delivered);

        // Down from Nov 30 to Dec 5 10:00: the themed day (Dec 4) is past, dues (until Dec 31) are still useful.
        harness.Time.SetUtcNow(Local("2026-12-05T10:00:00"));
        await harness.RunAsync(Branch);
        await harness.RunAsync(Branch);

        Assert.Equal(directory.Members.Count, sink.OfKind(":dues:").Count);
        Assert.Empty(sink.OfKind("themed-"));
        Assert.Equal("dropped", (await redis.Connection.GetDatabase().HashGetAsync(ReminderKeys.Occurrence("b1:主题党日:2026-12:themed-1204-3d"), "q")).ToString());
    }

    [Fact]
    public async Task Run_CaughtUpBeforeTheEvent_SentOnce()
    {
        var (harness, directory, sink) = await StartAsync("2026-11-30T09:00:00", members: 5);
        await harness.RunAsync(Branch);

        harness.Time.SetUtcNow(Local("2026-12-03T10:00:00"));
        await harness.RunAsync(Branch);

        Assert.Equal(directory.Members.Count, sink.OfKind("themed-1204-3d").Count);
        Assert.Empty(sink.OfKind("themed-1204-0d"));
    }

    [Fact]
    public async Task Drain_InQuietHours_WaitsForTheWindowEnd()
    {
        var (harness, directory, sink) = await StartAsync("2026-12-01T08:30:00", members: 5, themedDay: null);
        await harness.Coordinator.TickAsync(Branch, ReminderGroup.Dues, default);

        harness.Time.SetUtcNow(Local("2026-12-01T22:00:00"));
        await harness.Dispatcher.DrainAsync(default);
        Assert.Empty(sink.Delivered);

        harness.Time.SetUtcNow(Local("2026-12-02T07:59:00"));
        await harness.Dispatcher.MaintainAsync(default);
        await harness.Dispatcher.DrainAsync(default);
        Assert.Empty(sink.Delivered);

        harness.Time.SetUtcNow(Local("2026-12-02T08:00:00"));
        await harness.Dispatcher.MaintainAsync(default);
        await harness.Dispatcher.DrainAsync(default);
        Assert.Equal(directory.Members.Count, sink.OfKind(":dues:").Count);
    }

    [Fact]
    public async Task Drain_TransientRefusal_RetriedAfterRetryAfterThenSent()
    {
        var (harness, _, sink) = await StartAsync("2026-12-01T08:30:00", members: 2, themedDay: null);
        sink.Behaviour = (call, delivery) => delivery.MemberId == "m00001" && sink.To("m00001").Count == 0 && call <= 2
            ? new SendOutcome(SendStatus.Transient, TimeSpan.FromSeconds(30), "429")
            : null;
        await harness.Coordinator.TickAsync(Branch, ReminderGroup.Dues, default);

        var drain = harness.Dispatcher.DrainAsync(default);
        for (var i = 0; i < 200 && !drain.IsCompleted; i++)
        {
            await Task.Delay(10);
            harness.Time.Advance(TimeSpan.FromSeconds(5));
        }

        await drain;
        Assert.Single(sink.To("m00001"));
        Assert.StartsWith("sent|", (await redis.Connection.GetDatabase().StringGetAsync(ReminderKeys.Reminder(DuesMessageOf(sink, "m00001"), "m00001"))).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drain_PermanentRefusal_RecordedAsFailed()
    {
        var (harness, _, sink) = await StartAsync("2026-12-01T08:30:00", members: 2, themedDay: null);
        sink.Behaviour = (_, delivery) => delivery.MemberId == "m00001" ? new SendOutcome(SendStatus.Permanent, Error: "400") : null;
        await harness.Coordinator.TickAsync(Branch, ReminderGroup.Dues, default);

        await harness.Dispatcher.DrainAsync(default);

        Assert.Empty(sink.To("m00001"));
        // m00001's reminders of the day (dues among them) form one digest: its key records the refusal.
        Assert.Equal("failed|400", (await redis.Connection.GetDatabase().StringGetAsync(ReminderKeys.Reminder(ReminderDigests.DigestId(Branch, "20261201", "m00001"), "m00001"))).ToString());
        Assert.Single(sink.To("sec"));
    }

    [Fact]
    public async Task Run_ArrearsOverSevenMonths_NudgesAtTwoAndFourTellsSecretaryAtThreeAndFive()
    {
        await redis.FlushAsync();
        await ledgers.ResetAsync();
        var time = new FakeTimeProvider(Local("2026-01-10T09:00:00"));
        var directory = new InMemoryDirectory();
        var since = new DateOnly(2026, 1, 1);
        directory.Members.Add(new ReminderRecipient { MemberId = "sec", Name = "书记", Role = "党支部书记", ChannelId = "directline", Since = since });
        directory.Members.Add(new ReminderRecipient { MemberId = "late", Name = "张三", Role = "党员", ChannelId = "wecom", Since = since });
        directory.Members.Add(new ReminderRecipient { MemberId = "paid", Name = "李四", Role = "党员", ChannelId = "dingtalk", Since = since });
        var sink = new LoopbackSink();
        var harness = new SchedulerHarness(redis.Connection, time, directory, sink, ledger: ledgers.Create(redis.Connection));
        var seen = new List<(int Month, string Key, string Member)>();

        for (var month = 1; month <= 7; month++)
        {
            time.SetUtcNow(Local($"2026-{month:00}-10T09:00:00"));
            var before = sink.Delivered.Count;
            await harness.RunAsync(Branch);
            seen.AddRange(sink.Delivered.Skip(before)
                .SelectMany(d => d.Occurrences.Where(o => o.Contains(":arrears", StringComparison.Ordinal)).Select(o => (month, o + ":", d.MemberId))));
            foreach (var payer in new[] { "sec", "paid" })
            {
                await harness.Responses.HandleAsync(Branch, payer, $"已完成 党费 2026-{month:00}", null, default);
            }
        }

        Assert.Equal(
            [(3, "late"), (4, "sec"), (5, "late"), (6, "sec")],
            seen.Select(s => (s.Month, s.Member)));
        Assert.Contains(":arrears-2:", seen[0].Key, StringComparison.Ordinal);
        Assert.Contains(":arrears-report-3:", seen[1].Key, StringComparison.Ordinal);
        var report = Assert.Single(sink.OfKind("arrears-report-5"));
        Assert.Contains("张三", report.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("李四", report.Message.Text, StringComparison.Ordinal);
        Assert.Contains("连续5个月", report.Message.Text, StringComparison.Ordinal);
    }

    /// <summary>The occurrence id of the message that carried <paramref name="member"/>'s dues reminder (its own, or the day's digest).</summary>
    private static string DuesMessageOf(LoopbackSink sink, string member) =>
        sink.To(member).Single(d => d.Occurrences.Contains("b1:党费:2026-12:dues")).IdempotencyKey.Split(':')[3..^1] is var parts ? string.Join(':', parts) : string.Empty;
}
