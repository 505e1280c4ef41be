using System.Globalization;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Tests.Delivery;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Scheduler.Tests.Completion;

/// <summary>Counting occurrences of duties required several times per period, in a real Redis.</summary>
[Collection(RedisGroup.Name)]
public sealed class OccurrenceCountTests(RedisServerFixture redis)
{
    private static CompletionRecord Record(string period = "2026") => new()
    {
        BranchId = "b1",
        MemberId = CompletionRecord.BranchSubject,
        DutyKind = "支部委员会",
        PeriodKey = period,
        RecordedAt = DateTimeOffset.Parse("2026-03-02T10:00:00+08:00", CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task AddOccurrence_SameDayTwice_CountedOnce()
    {
        await redis.FlushAsync();
        var ledger = new RedisCompletionLedger(redis.Connection);

        var first = await ledger.AddOccurrenceAsync(Record(), "2026-03-02", 4, default);
        var again = await ledger.AddOccurrenceAsync(Record() with { SourceActivityId = "retry" }, "2026-03-02", 4, default);

        Assert.Equal(new OccurrenceOutcome(true, 1, 4), first);
        Assert.Equal(new OccurrenceOutcome(false, 1, 4), again);
        Assert.Equal(1, await ledger.CountAsync("b1", CompletionRecord.BranchSubject, "支部委员会", "2026", default));
    }

    [Fact]
    public async Task AddOccurrence_OneToFour_RecordWrittenOnlyAtTheFourth()
    {
        await redis.FlushAsync();
        var ledger = new RedisCompletionLedger(redis.Connection);
        var counts = new List<int>();

        foreach (var day in new[] { "2026-03-02", "2026-06-10", "2026-09-15" })
        {
            counts.Add((await ledger.AddOccurrenceAsync(Record(), day, 4, default)).Count);
            Assert.Null(await ledger.GetAsync("b1", CompletionRecord.BranchSubject, "支部委员会", "2026", default));
        }

        var fourth = await ledger.AddOccurrenceAsync(Record(), "2026-12-01", 4, default);

        Assert.Equal([1, 2, 3], counts);
        Assert.True(fourth.Reached);
        Assert.Equal(CompletionStatus.Done, (await ledger.GetAsync("b1", CompletionRecord.BranchSubject, "支部委员会", "2026", default))?.Status);
    }

    [Theory]
    [InlineData("2026", "2027")]
    [InlineData("2026-Q4", "2027-Q1")]
    [InlineData("2026-12", "2027-01")]
    public async Task AddOccurrence_NextPeriod_CountsFromZero(string period, string next)
    {
        await redis.FlushAsync();
        var ledger = new RedisCompletionLedger(redis.Connection);
        await ledger.AddOccurrenceAsync(Record(period), "2026-12-30", 2, default);
        await ledger.AddOccurrenceAsync(Record(period), "2026-12-31", 2, default);

        var outcome = await ledger.AddOccurrenceAsync(Record(next), "2027-01-04", 2, default);

        Assert.Equal(new OccurrenceOutcome(true, 1, 2), outcome);
        Assert.NotNull(await ledger.GetAsync("b1", CompletionRecord.BranchSubject, "支部委员会", period, default));
        Assert.Null(await ledger.GetAsync("b1", CompletionRecord.BranchSubject, "支部委员会", next, default));
    }

    [Fact]
    public async Task RemoveOccurrence_BelowRequired_RemovesDoneRecordButKeepsTheRest()
    {
        await redis.FlushAsync();
        var ledger = new RedisCompletionLedger(redis.Connection);
        await ledger.AddOccurrenceAsync(Record(), "2026-03-02", 2, default);
        await ledger.AddOccurrenceAsync(Record(), "2026-06-10", 2, default);

        var removed = await ledger.RemoveOccurrenceAsync("b1", CompletionRecord.BranchSubject, "支部委员会", "2026", "2026-06-10", 2, default);
        var again = await ledger.RemoveOccurrenceAsync("b1", CompletionRecord.BranchSubject, "支部委员会", "2026", "2026-06-10", 2, default);

        Assert.True(removed);
        Assert.False(again);
        Assert.Equal(1, await ledger.CountAsync("b1", CompletionRecord.BranchSubject, "支部委员会", "2026", default));
        Assert.Null(await ledger.GetAsync("b1", CompletionRecord.BranchSubject, "支部委员会", "2026", default));
    }

    [Theory]
    [InlineData("2026-11-30T15:59:59Z", "2026-11-30")]
    [InlineData("2026-11-30T16:00:00Z", "2026-12-01")] // midnight in Shanghai
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")]
    public void OccurrenceKey_Instant_LocalDateOfTheBranch(string instant, string expected)
    {
        var key = ReminderResponseRecorder.OccurrenceKey(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        Assert.Equal(expected, key);
    }
}
