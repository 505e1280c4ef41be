using PartyAffairs.Ledger.Records;
using PartyAffairs.Ledger.Study;
using PartyAffairs.Ledger.Tests.Infrastructure;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Ledger.Tests.Study;

/// <summary>Members' own study and the year's summary against the role's quota; on both stores.</summary>
public abstract class StudyServiceTests(ILedgerStore store)
{
    private const string B = LedgerHarness.Branch;

    [Fact]
    public async Task Add_SelfStudy_CountsWithItsSourceAgainstTheRolesQuota()
    {
        var h = await LedgerHarness.WithKnowledgeAsync(store);
        await h.RecordAsync("党课", "2026-05-20", ["赵敏"], hours: 4);

        var outcome = await h.Study.AddAsync(B, "m3", new StudyEntryInput { Hours = 2, Topic = "党的二十大报告", Date = "2026-11-02" }, "m3", "act-1", default);

        Assert.Equal(RecordStatus.Saved, outcome.Status);
        var summary = outcome.Summary!;
        Assert.Equal(6, summary.Hours);
        Assert.Equal(56, summary.Quota.Hours);
        Assert.Equal(50, summary.Remaining);
        Assert.Equal([("党课", 4m), (StudySource.SelfStudy, 2m)], summary.Sources.Select(s => (s.Kind, s.Hours)));
        Assert.Equal("党的二十大报告", summary.Sources[1].Topic);
    }

    [Fact]
    public async Task Add_DanyangBranch_QuotaOf24AndTheYearsCompletionAtIt()
    {
        var h = await LedgerHarness.WithKnowledgeAsync(store);
        await h.Settings.SaveAsync(B, new BranchReminderSettings { BindingDocuments = ["002"] }, default);
        await h.RecordAsync("集中学习", "2026-04-01", ["张三"], hours: 20);

        var outcome = await h.Study.AddAsync(B, "m1", new StudyEntryInput { Hours = 4, Topic = "学习强国" }, "m1", null, default);

        Assert.Equal(24, outcome.Summary!.Quota.Hours);
        Assert.Equal(0, outcome.Summary.Remaining);
        Assert.NotNull(await h.Ledger.GetAsync(B, "m1", "学时", "2026", default));

        await h.Study.RemoveAsync(B, "m1", outcome.EntryId!.Value, default);

        Assert.Null(await h.Ledger.GetAsync(B, "m1", "学时", "2026", default));
    }

    [Theory]
    [InlineData(0, "党章")]
    [InlineData(25, "党章")]
    [InlineData(1.555, "党章")]
    [InlineData(2, "")]
    public async Task Add_BadHoursOrNoTopic_Refused(decimal hours, string topic)
    {
        var h = await LedgerHarness.CreateAsync(store);

        var outcome = await h.Study.AddAsync(B, "m1", new StudyEntryInput { Hours = hours, Topic = topic }, "m1", null, default);

        Assert.Equal(RecordStatus.Invalid, outcome.Status);
        Assert.Single(outcome.Errors);
        Assert.Equal(0, (await h.Study.SummaryAsync(B, "m1", 2026, default))!.Hours);
    }

    [Fact]
    public async Task Add_FutureDateOrUnknownMember_Refused()
    {
        var h = await LedgerHarness.CreateAsync(store);

        var future = await h.Study.AddAsync(B, "m1", new StudyEntryInput { Hours = 1, Topic = "党章", Date = "2026-12-05" }, "m1", null, default);
        var nobody = await h.Study.AddAsync(B, "nobody", new StudyEntryInput { Hours = 1, Topic = "党章" }, "m1", null, default);

        Assert.Equal(RecordStatus.Invalid, future.Status);
        Assert.Equal(RecordStatus.MemberNotFound, nobody.Status);
    }
}

/// <summary>Study hours on SQLite.</summary>
public sealed class StudyServiceOnSqliteTests(SqliteStore store) : StudyServiceTests(store), IClassFixture<SqliteStore>;

/// <summary>Study hours on PostgreSQL.</summary>
public sealed class StudyServiceOnPostgresTests(PostgresStore store) : StudyServiceTests(store), IClassFixture<PostgresStore>;
