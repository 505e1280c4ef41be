using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Knowledge;
using PartyAffairs.Knowledge.Corpus;
using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Planning.Kinds;
using PartyAffairs.Scheduler.Tests.Delivery;
using PartyAffairs.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PartyAffairs.Scheduler.Tests.Planning;

/// <summary>
/// A year (2027) of a branch's messages, as the plan API computes them (the same planner, digests and words that send), per
/// binding choice of the shipped corpus: each document alone and all of them. The rules asserted are issue 10's "Done
/// when"; the catalog they come from was reviewed line by line against the documents (docs/scheduler.md, "Review").
/// </summary>
[Collection(RedisGroup.Name)]
public sealed class YearPlanTests(RedisServerFixture redis, ITestOutputHelper output)
{
    private const string Branch = "b1";

    /// <summary>Duty kinds only a 党组（党委）or 机关党委 must do: never in a branch's plan.</summary>
    private static readonly string[] OtherLevelKinds = [DutyKinds.CentralGroupStudy, DutyKinds.Ideology, DutyKinds.WarningEducation, DutyKinds.IntegrityStudy];

    private static readonly (string Id, string Name, string Role)[] Roster =
    [
        ("sec", "王书记", "党支部书记"), ("dep", "李副书记", "副书记"), ("org", "赵委员", "组织委员"),
        ("m1", "张三", "党员"), ("m2", "陈五", "党员"), ("p1", "刘六", "预备党员"),
    ];

    public static TheoryData<string> Bindings() => ["000", "001", "002", "003", "004", "all"];

    private static async Task<(IReadOnlyList<Duty> Duties, IReadOnlyList<SourceDocument> Documents)> CorpusAsync()
    {
        var corpus = await new CorpusLoader().LoadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "sources"));
        var documents = corpus.Parsed.Select(p => p.Document).ToArray();
        return (new DutyExtractor().Extract(documents, corpus.Parsed.SelectMany(p => p.Clauses).ToArray()), documents);
    }

    private async Task<(IReadOnlyList<PlanEntry> Plan, IReadOnlyList<Duty> Duties)> YearAsync(string binding)
    {
        await redis.FlushAsync();
        var (duties, documents) = await CorpusAsync();
        var directory = new InMemoryDirectory();
        directory.Members.AddRange(Roster.Select(r => new ReminderRecipient { MemberId = r.Id, Name = r.Name, Role = r.Role, ChannelId = "directline" }));
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T10:00:00+08:00", CultureInfo.InvariantCulture));
        var harness = new SchedulerHarness(redis.Connection, time, directory, new LoopbackSink(), duties: duties, documents: documents);
        await harness.SettingsService.ApplyCommandAsync(Branch, "设置主题党日 每月第一个周五 15:00 三楼会议室", default);
        await harness.SettingsService.ApplyCommandAsync(Branch, binding == "all" ? "设置依据文件 全部" : "设置依据文件 " + binding, default);
        // From late December: January's reminders of a themed day on 元旦 (1月1日) come before the year starts.
        var plan = await harness.Preview.PreviewAsync(Branch, new DateOnly(2026, 12, 21), new DateOnly(2027, 12, 31), default);
        return (plan, duties);
    }

    private static IEnumerable<(PlanEntry Entry, PlannedReminder Line)> Lines(IReadOnlyList<PlanEntry> plan) =>
        plan.SelectMany(e => e.Reminders.Select(r => (e, r)));

    [Theory]
    [MemberData(nameof(Bindings))]
    public async Task YearPlan_EachBinding_OnlyBranchDutiesCitedFromBranchRules(string binding)
    {
        var (plan, duties) = await YearAsync(binding);

        Assert.DoesNotContain(Lines(plan), l => l.Line.Kinds.Intersect(OtherLevelKinds).Any());
        foreach (var source in plan.SelectMany(e => e.Sources).Where(s => s.Kind == RuleSourceKind.Clause).Distinct())
        {
            var rule = Assert.Single(duties, d => d.Document == source.Document && d.ClauseId == source.ClauseId && d.Summary == source.Summary);
            Assert.True(BranchLevelScope.Applies(rule), $"{rule.Id} ({rule.Actor}) is not a branch rule");
            Assert.True(binding == "all" || rule.Document == binding, $"{rule.Id} cited while only {binding} binds");
        }
    }

    [Theory]
    [MemberData(nameof(Bindings))]
    public async Task YearPlan_EachBinding_LectureEachQuarterThemedDayAndDuesEachMonth(string binding)
    {
        var (plan, _) = await YearAsync(binding);
        var lines = Lines(plan).ToArray();

        for (var quarter = 1; quarter <= 4; quarter++)
        {
            Assert.Contains(lines, l => l.Line.Kinds.Contains(DutyKinds.PartyLecture) && l.Line.PeriodKey == $"2027-Q{quarter}"
                && l.Entry.Recipients.Any(r => r.MemberId == "sec"));
        }

        for (var month = 1; month <= 12; month++)
        {
            var key = $"2027-{month:00}";
            Assert.Contains(lines, l => l.Line.Kinds.Contains(DutyKinds.ThemedPartyDay) && l.Line.PeriodKey == key && l.Entry.Recipients.Any(r => r.MemberId == "m1"));
            Assert.Contains(lines, l => l.Line.Kinds.Contains(DutyKinds.MembershipDues) && l.Line.PeriodKey == key && l.Entry.Recipients.Any(r => r.MemberId == "m1"));
        }
    }

    [Theory]
    [MemberData(nameof(Bindings))]
    public async Task YearPlan_EachBinding_ProbationaryMemberNeverAskedToExamineHimself(string binding)
    {
        var (plan, _) = await YearAsync(binding);

        foreach (var (entry, _) in Lines(plan).Where(l => l.Line.Kinds.Contains(DutyKinds.ProbationAssessment)))
        {
            Assert.DoesNotContain(entry.Recipients, r => r.Role == "预备党员");
            Assert.Contains(entry.Recipients, r => r.MemberId == "sec");
            Assert.Contains("刘六", entry.Message.Text, StringComparison.Ordinal);
        }

        if (binding is "003" or "all")
        {
            // 003: quarterly while the probation is not extended (the roster says nothing of an extension).
            var reviews = Lines(plan).Where(l => l.Line.Kinds.Contains(DutyKinds.ProbationAssessment)).Select(l => l.Line.PeriodKey).Distinct().ToArray();
            Assert.Equal(["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"], reviews);
        }
    }

    [Theory]
    [MemberData(nameof(Bindings))]
    public async Task YearPlan_EachBinding_YearlyDutiesOpenEarlyAndTheAnnualPlanInTheFirstQuarter(string binding)
    {
        var (plan, _) = await YearAsync(binding);
        var yearly = Lines(plan).Where(l => l.Line.PeriodKey == "2027" && l.Line.Audience == ReminderAudience.SecretariesIfBranchPending).ToArray();

        foreach (var duty in yearly.GroupBy(l => string.Join('+', l.Line.Kinds)))
        {
            var first = duty.Min(l => l.Entry.SendAt);
            var window = duty.First().Line.Deadline;
            // Opened on the first working days of the year, or of the window / the deadline's quarter: never 14 days before year end.
            Assert.True(first.Month <= 1 || first.Month == ((window.Month - 1) / 3 * 3) + 1 || first.Month == ((window.AddDays(-14).Month - 1) / 3 * 3) + 1,
                $"{duty.Key} first reminded {first:yyyy-MM-dd} (deadline {window:yyyy-MM-dd})");
        }

        if (binding is "000" or "003" or "004" or "all")
        {
            Assert.Contains(yearly, l => l.Line.Kinds.Contains("年度工作计划") && l.Entry.SendAt.Month <= 3);
        }
    }

    [Theory]
    [InlineData("000", 32, 32)]
    [InlineData("001", 32, 56)]
    [InlineData("002", 24, 40)]
    [InlineData("004", 32, 56)]
    [InlineData("all", 32, 56)]
    public async Task YearPlan_StudyHours_QuotaByRole(string binding, int members, int team)
    {
        var (plan, _) = await YearAsync(binding);
        var hours = Lines(plan).Where(l => l.Line.Kinds.Contains("学时") && l.Line.ReminderKind is MemberDutyOpen).Select(l => l.Entry).ToArray();

        Assert.NotEmpty(hours);
        foreach (var entry in hours)
        {
            foreach (var recipient in entry.Recipients)
            {
                var expected = recipient.Role is "党员" or "预备党员" ? members : team;
                Assert.Contains($"不少于{expected}学时", entry.Message.Text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Bindings))]
    public async Task YearPlan_EachBinding_OneMessagePerPersonPerSendTimeAndPerDayExceptEventDays(string binding)
    {
        var (plan, _) = await YearAsync(binding);

        var perPerson = plan.SelectMany(e => e.Recipients.Select(r => (r.MemberId, e))).ToArray();
        Assert.All(perPerson.GroupBy(x => (x.MemberId, x.e.SendAt)), g => Assert.Single(g));
        foreach (var day in perPerson.GroupBy(x => (x.MemberId, DateOnly.FromDateTime(x.e.SendAt.DateTime))))
        {
            var ordinary = day.Where(x => !x.e.Reminders.All(ReminderDigests.IsEventDay)).ToArray();
            Assert.True(ordinary.Length <= 1, $"{day.Key}: {ordinary.Length} messages");
        }

        if (binding == "all")
        {
            foreach (var entry in plan.Where(e => e.Recipients.Any(r => r.MemberId == "sec")).Take(60))
            {
                output.WriteLine($"{entry.SendAt:yyyy-MM-dd HH:mm} {string.Join('、', entry.Reminders.Select(r => r.Id))}\n{entry.Message.Text}\n");
            }
        }
    }
}
