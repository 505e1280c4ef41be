using System.Globalization;
using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Tests.Completion;

/// <summary>
/// What every <see cref="ICompletionLedger"/> promises (the Redis ledger, the SQL ledger on SQLite and PostgreSQL): a
/// confirmation recorded once, first writer wins, even in parallel; occurrences counted once per key with the period
/// record written when the count reaches the requirement; nothing mixed across members, duties or periods. Each test
/// uses its own branch, so a shared store needs no flush.
/// </summary>
public abstract class CompletionLedgerContract
{
    /// <summary>A branch of this test alone.</summary>
    protected string Branch { get; } = "b" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The ledger under test.</summary>
    protected abstract ICompletionLedger Ledger { get; }

    protected CompletionRecord Record(string member, string duty = "党费", string period = "2026-11", CompletionStatus status = CompletionStatus.Done) => new()
    {
        BranchId = Branch,
        MemberId = member,
        DutyKind = duty,
        PeriodKey = period,
        Status = status,
        RecordedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)),
        SourceActivityId = "act-" + member,
    };

    private CompletionRecord Committee(string period = "2026") => new()
    {
        BranchId = Branch,
        MemberId = CompletionRecord.BranchSubject,
        DutyKind = "支部委员会",
        PeriodKey = period,
        RecordedAt = DateTimeOffset.Parse("2026-03-02T10:00:00+08:00", CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task RecordAsync_FirstTime_StoresRecordAndReturnsTrue()
    {
        Assert.True(await Ledger.RecordAsync(Record("m1"), CancellationToken.None));

        var stored = await Ledger.GetAsync(Branch, "m1", "党费", "2026-11", CancellationToken.None);

        Assert.Equal(Record("m1"), stored);
    }

    [Fact]
    public async Task RecordAsync_SameMemberDutyAndPeriodTwice_RecordsOnceAndKeepsFirst()
    {
        Assert.True(await Ledger.RecordAsync(Record("m1"), CancellationToken.None));

        var second = await Ledger.RecordAsync(Record("m1") with { SourceActivityId = "other", Status = CompletionStatus.Leave }, CancellationToken.None);

        Assert.False(second);
        var stored = await Ledger.GetAsync(Branch, "m1", "党费", "2026-11", CancellationToken.None);
        Assert.Equal("act-m1", stored!.SourceActivityId);
        Assert.Equal(CompletionStatus.Done, stored.Status);
    }

    [Fact]
    public async Task RecordAsync_ParallelDuplicates_ExactlyOneSucceeds()
    {
        var attempts = Enumerable.Range(0, 32).Select(i => Ledger.RecordAsync(Record("m1") with { SourceActivityId = $"a{i}" }, CancellationToken.None));

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r);
        Assert.Single(await Ledger.GetForDutyAsync(Branch, "党费", "2026-11", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_ParallelMembers_EachRecordedOnce()
    {
        var attempts = Enumerable.Range(0, 40).Select(i => Ledger.RecordAsync(Record($"m{i % 20}") with { SourceActivityId = $"a{i}" }, CancellationToken.None));

        var results = await Task.WhenAll(attempts);

        Assert.Equal(20, results.Count(r => r));
        Assert.Equal(20, (await Ledger.GetForDutyAsync(Branch, "党费", "2026-11", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task RecordAsync_OtherPeriodOrDuty_IsSeparate()
    {
        await Ledger.RecordAsync(Record("m1"), CancellationToken.None);

        Assert.True(await Ledger.RecordAsync(Record("m1", period: "2026-12"), CancellationToken.None));
        Assert.True(await Ledger.RecordAsync(Record("m1", duty: "主题党日"), CancellationToken.None));
        Assert.Null(await Ledger.GetAsync(Branch, "m1", "党课", "2026-11", CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_Existing_RemovesAndAllowsRecordingAgain()
    {
        await Ledger.RecordAsync(Record("m1"), CancellationToken.None);

        Assert.True(await Ledger.RemoveAsync(Branch, "m1", "党费", "2026-11", CancellationToken.None));
        Assert.False(await Ledger.RemoveAsync(Branch, "m1", "党费", "2026-11", CancellationToken.None));
        Assert.Null(await Ledger.GetAsync(Branch, "m1", "党费", "2026-11", CancellationToken.None));
        Assert.True(await Ledger.RecordAsync(Record("m1"), CancellationToken.None));
    }

    [Fact]
    public async Task GetForDutyAsync_SeveralMembers_ReturnsEachByMemberId()
    {
        await Ledger.RecordAsync(Record("m1"), CancellationToken.None);
        await Ledger.RecordAsync(Record("m2", status: CompletionStatus.Leave), CancellationToken.None);
        await Ledger.RecordAsync(Record("m3", period: "2026-10"), CancellationToken.None);

        var records = await Ledger.GetForDutyAsync(Branch, "党费", "2026-11", CancellationToken.None);

        Assert.Equal(["m1", "m2"], records.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(CompletionStatus.Leave, records["m2"].Status);
    }

    [Fact]
    public async Task GetForDutyAsync_NothingRecorded_ReturnsEmpty()
    {
        Assert.Empty(await Ledger.GetForDutyAsync(Branch, "党费", "2026-11", CancellationToken.None));
    }

    [Fact]
    public async Task AddOccurrence_SameDayTwice_CountedOnce()
    {
        var first = await Ledger.AddOccurrenceAsync(Committee(), "2026-03-02", 4, default);
        var again = await Ledger.AddOccurrenceAsync(Committee() with { SourceActivityId = "retry" }, "2026-03-02", 4, default);

        Assert.Equal(new OccurrenceOutcome(true, 1, 4), first);
        Assert.Equal(new OccurrenceOutcome(false, 1, 4), again);
        Assert.Equal(1, await Ledger.CountAsync(Branch, CompletionRecord.BranchSubject, "支部委员会", "2026", default));
    }

    [Fact]
    public async Task AddOccurrence_OneToFour_RecordWrittenOnlyAtTheFourth()
    {
        var counts = new List<int>();

        foreach (var day in new[] { "2026-03-02", "2026-06-10", "2026-09-15" })
        {
            counts.Add((await Ledger.AddOccurrenceAsync(Committee(), day, 4, default)).Count);
            Assert.Null(await Ledger.GetAsync(Branch, CompletionRecord.BranchSubject, "支部委员会", "2026", default));
        }

        var fourth = await Ledger.AddOccurrenceAsync(Committee(), "2026-12-01", 4, default);

        Assert.Equal([1, 2, 3], counts);
        Assert.True(fourth.Reached);
        Assert.Equal(CompletionStatus.Done, (await Ledger.GetAsync(Branch, CompletionRecord.BranchSubject, "支部委员会", "2026", default))?.Status);
    }

    [Theory]
    [InlineData("2026", "2027")]
    [InlineData("2026-Q4", "2027-Q1")]
    [InlineData("2026-12", "2027-01")]
    public async Task AddOccurrence_NextPeriod_CountsFromZero(string period, string next)
    {
        await Ledger.AddOccurrenceAsync(Committee(period), "2026-12-30", 2, default);
        await Ledger.AddOccurrenceAsync(Committee(period), "2026-12-31", 2, default);

        var outcome = await Ledger.AddOccurrenceAsync(Committee(next), "2027-01-04", 2, default);

        Assert.Equal(new OccurrenceOutcome(true, 1, 2), outcome);
        Assert.NotNull(await Ledger.GetAsync(Branch, CompletionRecord.BranchSubject, "支部委员会", period, default));
        Assert.Null(await Ledger.GetAsync(Branch, CompletionRecord.BranchSubject, "支部委员会", next, default));
    }

    [Fact]
    public async Task RemoveOccurrence_BelowRequired_RemovesDoneRecordButKeepsTheRest()
    {
        await Ledger.AddOccurrenceAsync(Committee(), "2026-03-02", 2, default);
        await Ledger.AddOccurrenceAsync(Committee(), "2026-06-10", 2, default);

        var removed = await Ledger.RemoveOccurrenceAsync(Branch, CompletionRecord.BranchSubject, "支部委员会", "2026", "2026-06-10", 2, default);
        var again = await Ledger.RemoveOccurrenceAsync(Branch, CompletionRecord.BranchSubject, "支部委员会", "2026", "2026-06-10", 2, default);

        Assert.True(removed);
        Assert.False(again);
        Assert.Equal(1, await Ledger.CountAsync(Branch, CompletionRecord.BranchSubject, "支部委员会", "2026", default));
        Assert.Null(await Ledger.GetAsync(Branch, CompletionRecord.BranchSubject, "支部委员会", "2026", default));
    }

    [Fact]
    public async Task AddOccurrence_ParallelDistinctDays_ExactCountAndRecordWrittenOnce()
    {
        var days = Enumerable.Range(0, 12).Select(i => new DateOnly(2026, 1, 5).AddDays(7 * i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();

        var outcomes = await Task.WhenAll(days.Select(day => Ledger.AddOccurrenceAsync(Committee(), day, days.Length, default)));

        Assert.All(outcomes, o => Assert.True(o.Added));
        Assert.Equal(days.Length, await Ledger.CountAsync(Branch, CompletionRecord.BranchSubject, "支部委员会", "2026", default));
        Assert.Contains(outcomes, o => o.Reached);
        Assert.Single(await Ledger.GetForDutyAsync(Branch, "支部委员会", "2026", default));
    }

    [Fact]
    public async Task AddOccurrence_ParallelSameDay_CountedOnce()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Ledger.AddOccurrenceAsync(Committee() with { SourceActivityId = $"retry-{i}" }, "2026-03-02", 2, default)));

        Assert.Single(outcomes, o => o.Added);
        Assert.Equal(1, await Ledger.CountAsync(Branch, CompletionRecord.BranchSubject, "支部委员会", "2026", default));
        Assert.Null(await Ledger.GetAsync(Branch, CompletionRecord.BranchSubject, "支部委员会", "2026", default));
    }
}
