using PartyAffairs.Ledger.Records;
using PartyAffairs.Ledger.Tests.Infrastructure;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Tests.Planning;

namespace PartyAffairs.Ledger.Tests.Records;

/// <summary>Meeting records: validation, the completions they imply, corrections with their audit trail; on both stores.</summary>
public abstract class RecordServiceTests(ILedgerStore store)
{
    private const string B = LedgerHarness.Branch;

    [Fact]
    public async Task Create_MemberDutyWithAttendanceAndReasons_AttendeesDoneReasonLeaveNoReasonNothing()
    {
        var h = await LedgerHarness.CreateAsync(store);

        var record = await h.RecordAsync("党小组会", "2026-12-03", ["王明", "张三"], [new("李四", "出差"), new("赵敏", null)]);

        Assert.Equal(["王明", "张三"], record.Present.Select(a => a.Name));
        Assert.Equal([("李四", "出差"), ("赵敏", (string?)null)], record.Absent.Select(a => (a.Name, a.Reason)));
        var done = await h.Ledger.GetForDutyAsync(B, "党小组会", "2026-12", default);
        Assert.Equal(CompletionStatus.Done, done["sec"].Status);
        Assert.Equal(CompletionStatus.Done, done["m1"].Status);
        Assert.Equal(CompletionStatus.Leave, done["m2"].Status);
        Assert.False(done.ContainsKey("m3"));
    }

    [Fact]
    public async Task Create_BranchDuty_BranchCompletionForThePeriodOfTheDate()
    {
        var h = await LedgerHarness.CreateAsync(store);

        await h.RecordAsync("支委会", "2026-11-30", ["王明", "赵敏"]);
        await h.RecordAsync("党员大会", "2026-10-09", ["王明", "张三", "李四"]);

        Assert.NotNull(await h.Ledger.GetAsync(B, CompletionRecord.BranchSubject, "支部委员会", "2026-11", default));
        Assert.Null(await h.Ledger.GetAsync(B, CompletionRecord.BranchSubject, "支部委员会", "2026-12", default));
        Assert.NotNull(await h.Ledger.GetAsync(B, CompletionRecord.BranchSubject, "党员大会", "2026-Q4", default));
        Assert.Null(await h.Ledger.GetAsync(B, "m1", "党员大会", "2026-Q4", default));
    }

    [Fact]
    public async Task Create_UnknownPeople_EachNamedAndNothingSaved()
    {
        var h = await LedgerHarness.CreateAsync(store);

        var outcome = await h.Records.CreateAsync(B, new RecordInput
        {
            Kind = "党员大会", Date = "2026-12-03", Attendees = ["王明", "赵六", "钱七"], Absent = [new("孙八", "病假")],
        }, "sec", default);

        Assert.Equal(RecordStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Contains("赵六", StringComparison.Ordinal));
        Assert.Contains(outcome.Errors, e => e.Contains("钱七", StringComparison.Ordinal));
        Assert.Contains(outcome.Errors, e => e.Contains("孙八", StringComparison.Ordinal));
        Assert.Contains("赵六", outcome.Message, StringComparison.Ordinal);
        Assert.Empty((await h.Records.ListAsync(B, 2026, default))!);
        Assert.Null(await h.Ledger.GetAsync(B, CompletionRecord.BranchSubject, "党员大会", "2026-Q4", default));
    }

    [Fact]
    public async Task Create_UnknownKind_RefusedListingTheValidKinds()
    {
        var h = await LedgerHarness.CreateAsync(store);

        var outcome = await h.Records.CreateAsync(B, new RecordInput { Kind = "茶话会", Date = "2026-12-03" }, "sec", default);

        var error = Assert.Single(outcome.Errors);
        Assert.Contains("茶话会", error, StringComparison.Ordinal);
        Assert.Contains("党员大会", error, StringComparison.Ordinal);
        Assert.Contains("支部委员会", error, StringComparison.Ordinal);
        Assert.Contains("组织生活会", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-05", false)] // tomorrow in Shanghai
    [InlineData("2026-12-04", true)]
    [InlineData("2025-01-01", true)] // the ledger starts the year before the branch was added (2026-01-10)
    [InlineData("2024-12-31", false)]
    public async Task Create_Date_FutureOrBeforeTheBranchRefused(string date, bool saved)
    {
        var h = await LedgerHarness.CreateAsync(store);

        var outcome = await h.Records.CreateAsync(B, new RecordInput { Kind = "党课", Date = date, Attendees = ["张三"] }, "sec", default);

        Assert.Equal(saved ? RecordStatus.Saved : RecordStatus.Invalid, outcome.Status);
        if (!saved)
        {
            Assert.Contains(date, Assert.Single(outcome.Errors), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Create_FutureIsJudgedInShanghai_NotUtc()
    {
        var h = await LedgerHarness.CreateAsync(store);
        h.Time.SetUtcNow(DateTimeOffset.Parse("2026-12-04T16:30:00Z", System.Globalization.CultureInfo.InvariantCulture)); // 00:30 on 5 December in Shanghai

        var outcome = await h.Records.CreateAsync(B, new RecordInput { Kind = "党课", Date = "2026-12-05" }, "sec", default);

        Assert.Equal(RecordStatus.Saved, outcome.Status);
    }

    [Fact]
    public async Task Create_MissingKindAndBadDate_EachProblemNamed()
    {
        var h = await LedgerHarness.CreateAsync(store);

        var missing = await h.Records.CreateAsync(B, new RecordInput(), "sec", default);
        var badDate = await h.Records.CreateAsync(B, new RecordInput { Kind = "党课", Date = "12月3日", Hours = -1 }, "sec", default);

        Assert.Equal(2, missing.Errors.Count);
        Assert.Contains(missing.Errors, e => e.Contains("kind", StringComparison.Ordinal));
        Assert.Contains(missing.Errors, e => e.Contains("date", StringComparison.Ordinal));
        Assert.Contains(badDate.Errors, e => e.Contains("12月3日", StringComparison.Ordinal));
        Assert.Contains(badDate.Errors, e => e.Contains("hours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_SamePersonPresentAndAbsent_Refused()
    {
        var h = await LedgerHarness.CreateAsync(store);

        var outcome = await h.Records.CreateAsync(B, new RecordInput { Kind = "党课", Date = "2026-12-01", Attendees = ["张三"], Absent = [new("m1", "出差")] }, "sec", default);

        Assert.Contains("张三", Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownBranch_BranchNotFound()
    {
        var h = await LedgerHarness.CreateAsync(store);

        var outcome = await h.Records.CreateAsync("nope", new RecordInput { Kind = "党课", Date = "2026-12-01" }, "sec", default);

        Assert.Equal(RecordStatus.BranchNotFound, outcome.Status);
    }

    [Fact]
    public async Task Update_ChangesAttendance_CompletionsFollowAndTheTrailKeepsBeforeAndAfter()
    {
        var h = await LedgerHarness.CreateAsync(store);
        var record = await h.RecordAsync("党小组会", "2026-12-03", ["张三"], [new("李四", null)]);

        var outcome = await h.Records.UpdateAsync(B, record.Id, new RecordInput
        {
            Kind = "党小组会", Date = "2026-12-03", Topic = "学习党章", Attendees = ["李四"], Absent = [new("张三", "病假")],
        }, "赵敏", default);

        Assert.Equal(RecordStatus.Saved, outcome.Status);
        var records = await h.Ledger.GetForDutyAsync(B, "党小组会", "2026-12", default);
        Assert.Equal(CompletionStatus.Leave, records["m1"].Status);
        Assert.Equal(CompletionStatus.Done, records["m2"].Status);
        var history = (await h.Records.HistoryAsync(B, record.Id, default))!;
        Assert.Equal(["created", "updated"], history.Select(c => c.Action));
        var update = history[1];
        Assert.Equal("赵敏", update.Actor);
        Assert.Contains(update.Changes, c => c is { Field: "attendees", Before: "张三", After: "李四" });
        Assert.Contains(update.Changes, c => c is { Field: "absent", Before: "李四", After: "张三（病假）" });
        Assert.DoesNotContain(update.Changes, c => c.Field == "topic");
    }

    [Fact]
    public async Task Update_MovesTheDate_CompletionsMoveToTheNewPeriod()
    {
        var h = await LedgerHarness.CreateAsync(store);
        var record = await h.RecordAsync("主题党日", "2026-11-06", ["张三"]);

        await h.Records.UpdateAsync(B, record.Id, new RecordInput { Kind = "主题党日", Date = "2026-12-04", Attendees = ["张三"] }, "sec", default);

        Assert.Null(await h.Ledger.GetAsync(B, "m1", "主题党日", "2026-11", default));
        Assert.NotNull(await h.Ledger.GetAsync(B, "m1", "主题党日", "2026-12", default));
        Assert.Contains((await h.Records.HistoryAsync(B, record.Id, default))![1].Changes, c => c is { Field: "date", Before: "2026-11-06", After: "2026-12-04" });
    }

    [Fact]
    public async Task Delete_RetractsWhatItWroteButKeepsChatConfirmationsAndTheTrail()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.Ledger.RecordAsync(new CompletionRecord { BranchId = B, MemberId = "sec", DutyKind = "党小组会", PeriodKey = "2026-12", RecordedAt = LedgerHarness.Now, SourceActivityId = "chat-1" }, default);
        var record = await h.RecordAsync("党小组会", "2026-12-03", ["王明", "张三"]);

        var outcome = await h.Records.DeleteAsync(B, record.Id, "sec", default);

        Assert.Equal(RecordStatus.Saved, outcome.Status);
        Assert.Null(await h.Records.GetAsync(B, record.Id, default));
        Assert.Null(await h.Ledger.GetAsync(B, "m1", "党小组会", "2026-12", default));
        Assert.Equal("chat-1", (await h.Ledger.GetAsync(B, "sec", "党小组会", "2026-12", default))!.SourceActivityId);
        var history = (await h.Records.HistoryAsync(B, record.Id, default))!;
        Assert.Equal(["created", "deleted"], history.Select(c => c.Action));
        Assert.Contains(history[1].Changes, c => c is { Field: "attendees", Before: "王明、张三", After: null });
        Assert.Equal(RecordStatus.RecordNotFound, (await h.Records.DeleteAsync(B, record.Id, "sec", default)).Status);
    }

    [Fact]
    public async Task Delete_AnotherRecordOfThePeriodRemains_StillCounts()
    {
        var h = await LedgerHarness.CreateAsync(store);
        var first = await h.RecordAsync("党小组会", "2026-12-01", ["张三"]);
        await h.RecordAsync("党小组会", "2026-12-03", ["张三", "李四"]);

        await h.Records.DeleteAsync(B, first.Id, "sec", default);

        Assert.NotNull(await h.Ledger.GetAsync(B, "m1", "党小组会", "2026-12", default));
        Assert.NotNull(await h.Ledger.GetAsync(B, "m2", "党小组会", "2026-12", default));
    }

    [Fact]
    public async Task ConfirmAttendance_AbsentMember_PresentAndCountedAndAudited()
    {
        var h = await LedgerHarness.CreateAsync(store);
        var record = await h.RecordAsync("党小组会", "2026-12-03", ["张三"], [new("李四", null)], hours: 2);

        var outcome = await h.Records.ConfirmAttendanceAsync(B, record.Id, "m2", default);
        var again = await h.Records.ConfirmAttendanceAsync(B, record.Id, "m2", default);

        Assert.True(outcome.Record!.Attendance.Single(a => a.MemberId == "m2") is { Present: true, ConfirmedAt: not null });
        Assert.NotNull(await h.Ledger.GetAsync(B, "m2", "党小组会", "2026-12", default));
        Assert.Equal(2, (await h.Study.SummaryAsync(B, "m2", 2026, default))!.Hours);
        Assert.Equal(RecordStatus.Saved, again.Status);
        var history = (await h.Records.HistoryAsync(B, record.Id, default))!;
        Assert.Equal(["created", "confirmed"], history.Select(c => c.Action));
        Assert.Equal("m2", history[1].Actor);
    }

    [Fact]
    public async Task Hours_AccrueToAttendees_QuotaReachedWritesTheYearsStudyCompletionAndADeleteRetractsIt()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.RecordAsync("党课", "2026-03-05", ["张三", "李四"], hours: 2);
        var training = await h.RecordAsync("集中学习", "2026-06-10", ["张三"], hours: 30);

        var zhang = (await h.Study.SummaryAsync(B, "m1", 2026, default))!;
        var li = (await h.Study.SummaryAsync(B, "m2", 2026, default))!;

        Assert.Equal(32, zhang.Hours);
        Assert.Equal(32, zhang.Quota.Hours);
        Assert.Equal(0, zhang.Remaining);
        Assert.Equal(2, li.Hours);
        Assert.Equal(["党课", "集中学习"], zhang.Sources.Select(s => s.Kind));
        Assert.NotNull(await h.Ledger.GetAsync(B, "m1", "学时", "2026", default));
        Assert.Null(await h.Ledger.GetAsync(B, "m2", "学时", "2026", default));

        await h.Records.DeleteAsync(B, training.Id, "sec", default);

        Assert.Null(await h.Ledger.GetAsync(B, "m1", "学时", "2026", default));
        Assert.Equal(2, (await h.Study.SummaryAsync(B, "m1", 2026, default))!.Hours);
    }

    [Fact]
    public async Task CountedBranchDuty_FourMeetingsAYear_RecordWrittenAtTheFourthAndRetractedBelow()
    {
        var h = await LedgerHarness.CreateAsync(store, [DutyRules.Rule("支部委员会", "P1Y", 4, summary: "支部委员会会议全年不少于四次")]);
        var records = new List<MeetingRecord>();
        foreach (var date in new[] { "2026-03-02", "2026-06-10", "2026-09-15" })
        {
            records.Add(await h.RecordAsync("支委会", date, ["王明"]));
            Assert.Null(await h.Ledger.GetAsync(B, CompletionRecord.BranchSubject, "支部委员会", "2026", default));
        }

        records.Add(await h.RecordAsync("支部委员会", "2026-12-01", ["王明"]));

        Assert.Equal(4, await h.Ledger.CountAsync(B, CompletionRecord.BranchSubject, "支部委员会", "2026", default));
        Assert.NotNull(await h.Ledger.GetAsync(B, CompletionRecord.BranchSubject, "支部委员会", "2026", default));

        await h.Records.DeleteAsync(B, records[0].Id, "sec", default);

        Assert.Equal(3, await h.Ledger.CountAsync(B, CompletionRecord.BranchSubject, "支部委员会", "2026", default));
        Assert.Null(await h.Ledger.GetAsync(B, CompletionRecord.BranchSubject, "支部委员会", "2026", default));
    }

    [Fact]
    public async Task List_Year_OnlyThatYearsRecordsOldestFirst()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.RecordAsync("党课", "2026-05-01", ["张三"]);
        await h.RecordAsync("党员大会", "2026-02-01", ["张三"]);
        await h.RecordAsync("党课", "2025-12-30", ["张三"]);

        var list = (await h.Records.ListAsync(B, 2026, default))!;

        Assert.Equal(["2026-02-01", "2026-05-01"], list.Select(r => r.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(await h.Records.ListAsync("nope", 2026, default));
    }

    [Fact]
    public async Task Completions_PastPeriodsStayQueryable()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.RecordAsync("主题党日", "2025-03-07", ["张三"]);

        var statuses = (await h.History.YearAsync(B, 2025, default))!;

        Assert.Equal("已完成", statuses.Single(s => s is { SubjectId: "m1", DutyKind: "主题党日", PeriodKey: "2025-03" }).StateText);
        Assert.Equal("未完成", statuses.Single(s => s is { SubjectId: "m2", DutyKind: "主题党日", PeriodKey: "2025-03" }).StateText);
        Assert.Equal(12, statuses.Count(s => s is { SubjectId: "m1", DutyKind: "主题党日" }));
    }
}

/// <summary>Records on SQLite.</summary>
public sealed class RecordServiceOnSqliteTests(SqliteStore store) : RecordServiceTests(store), IClassFixture<SqliteStore>;

/// <summary>Records on PostgreSQL.</summary>
public sealed class RecordServiceOnPostgresTests(PostgresStore store) : RecordServiceTests(store), IClassFixture<PostgresStore>;
