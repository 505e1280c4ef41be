using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Scheduler.Tests.Delivery;

/// <summary>The scheduler's typed side of the reminder buttons: what is recorded, and what the host is told to word.</summary>
[Collection(RedisGroup.Name)]
public sealed class ReminderResponseRecorderTests(RedisServerFixture redis)
{
    private const string Branch = "b1";

    private static readonly DutyPeriod December = DutyPeriod.Containing(PeriodUnit.Month, new DateOnly(2026, 12, 1));

    private async Task<(SchedulerHarness Harness, LoopbackSink Sink)> StartAsync()
    {
        await redis.FlushAsync();
        var sink = new LoopbackSink();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00+08:00", CultureInfo.InvariantCulture));
        return (new SchedulerHarness(redis.Connection, time, InMemoryDirectory.WithMembers(5), sink), sink);
    }

    [Fact]
    public async Task Record_DoneByAlias_RecordedOnceThenReportedAsAlreadyRecorded()
    {
        var (harness, _) = await StartAsync();

        var first = await harness.Recorder.RecordAsync(Branch, "m00001", CompletionStatus.Done, ["交党费"], December, "a1", default);
        var again = await harness.Recorder.RecordAsync(Branch, "m00001", CompletionStatus.Done, ["党费"], December, "a2", default);

        Assert.NotNull(first);
        Assert.True(first.Recorded);
        Assert.Equal(["党费"], first.Duties.Select(d => d.Kind));
        Assert.Equal(December, first.Period);
        Assert.Null(first.Count);
        Assert.False(again!.Recorded);
        Assert.Equal(CompletionStatus.Done, (await harness.Ledger.GetAsync(Branch, "m00001", "党费", "2026-12", default))?.Status);
    }

    [Fact]
    public async Task Record_UnknownDuty_Null()
    {
        var (harness, _) = await StartAsync();

        Assert.Null(await harness.Recorder.RecordAsync(Branch, "m00001", CompletionStatus.Done, ["打扫卫生"], December, "a1", default));
    }

    [Fact]
    public async Task Record_Leave_RecordedAndTheOtherSecretariesToldUnderTheLeaveOccurrence()
    {
        var (harness, sink) = await StartAsync();

        var outcome = await harness.Recorder.RecordAsync(Branch, "m00002", CompletionStatus.Leave, ["主题党日"], December, "a1", default);
        await harness.Dispatcher.DrainAsync(default);

        Assert.Equal(CompletionStatus.Leave, outcome!.Status);
        Assert.True(outcome.Recorded);
        var notice = Assert.Single(sink.Delivered);
        Assert.Equal("sec", notice.MemberId);
        Assert.StartsWith("pa:rem:key:b1:主题党日:2026-12:leave-m00002:", notice.IdempotencyKey, StringComparison.Ordinal);
        Assert.Empty(notice.Message.Actions);
    }
}
