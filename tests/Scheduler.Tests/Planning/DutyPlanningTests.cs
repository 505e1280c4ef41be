using System.Globalization;
using PartyAffairs.Knowledge;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Scheduler.Tests.Planning;

/// <summary>Members' reminders of every members' duty, window-start reminders, and duties required several times per period.</summary>
public sealed class DutyPlanningTests
{
    private static readonly ReminderPlanner Planner = new(WorkingCalendar.LoadDefault());
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal) { ["003"] = "机关党支部工作细则" };

    private static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + "+08:00", CultureInfo.InvariantCulture);

    private static IReadOnlyList<PlannedReminder> Plan(ITrackedDutyCatalog catalog, string from, string to) =>
        Planner.Plan("b1", new BranchReminderSettings(), catalog, Titles, Local(from), Local(to));

    /// <summary>A duty as the knowledge base extracts it from document 003.</summary>
    internal static Duty Rule(string kind, string period, int count, string? actor = "党支部", string summary = "规定") => new()
    {
        Id = $"003-{kind}-{period}-{count}",
        Document = "003",
        ClauseId = "二.(一).3",
        Text = summary,
        Actor = actor,
        Kind = kind,
        Summary = summary,
        Period = period,
        Count = count,
    };

    [Fact]
    public void Plan_GroupMeetingForMembers_OpensOnFirstWorkingDayAndNudgesWeekBeforeMonthEnd()
    {
        var plan = Plan(new KnowledgeDutyCatalog([]), "2026-11-01T00:00:00", "2026-11-30T23:59:59")
            .Where(p => p.Kinds.SequenceEqual(["党小组会"]) && p.Audience == ReminderAudience.UnconfirmedMembers).ToArray();

        // Nov 1 is a Sunday; Nov 23 (30 − 7) a Monday.
        Assert.Equal([("member-open", Local("2026-11-02T08:30:00")), ("member-nudge-7d", Local("2026-11-23T08:30:00"))],
            plan.Select(p => (p.ReminderKind.Key, p.DueAt)));
        Assert.All(plan, p => Assert.Equal("2026-11", p.PeriodKey));
        Assert.All(plan, p => Assert.True(p.Actionable));
        Assert.Equal(ReminderGroup.Duties, plan[0].Group);
        Assert.Contains("本月请于11月30日前参加党小组会", Words.Text(plan[0]), StringComparison.Ordinal);
        Assert.Contains("依据：", Words.Text(plan[0]), StringComparison.Ordinal);
        Assert.Contains("尚未确认完成，距月底还有7天", Words.Text(plan[1]), StringComparison.Ordinal);
        Assert.Equal(Local("2026-12-01T00:00:00"), plan[0].UsefulUntil);
    }

    [Fact]
    public void Plan_ThemedDayAndDues_NoExtraMemberDutyReminders()
    {
        var plan = Plan(new KnowledgeDutyCatalog([]), "2026-11-01T00:00:00", "2026-11-30T23:59:59");

        Assert.DoesNotContain(plan, p => p.ReminderKind.Key.StartsWith("member-", StringComparison.Ordinal) && (p.Kinds.Contains(DutyKinds.Dues) || p.Kinds.Contains(DutyKinds.ThemedDay)));
        Assert.Single(plan, p => p.ReminderKind.Key == "dues");
    }

    [Theory]
    [InlineData("组织生活会", "2026", "2026-10-08T08:30:00", "本季度需召开组织生活会、开展民主评议党员，请于12月31日前完成")] // 国庆节 Oct 1–7
    [InlineData("组织生活会", "2025", "2025-10-09T08:30:00", "本季度需召开组织生活会、开展民主评议党员，请于12月31日前完成")] // 国庆节、中秋节 Oct 1–8
    [InlineData("述职评议", "2026", "2026-10-08T08:30:00", "本年度需完成书记述职评议，请于12月31日前完成")] // the deadline's quarter
    [InlineData("责任清单", "2026", "2026-01-04T08:30:00", "本年度需报送党建工作责任清单，请于3月31日前完成")] // Jan 1–3 元旦, Jan 4 the 调休 Sunday
    public void Plan_WindowOpens_SecretariesToldOnItsFirstWorkingDay(string kind, string year, string expected, string text)
    {
        var plan = Plan(new KnowledgeDutyCatalog([]), $"{year}-01-01T00:00:00", $"{year}-12-31T23:59:59")
            .Where(p => p.Kinds.Contains(kind)).ToArray();

        var open = Assert.Single(plan, p => p.ReminderKind.Key == "open");
        Assert.Equal(Local(expected), open.DueAt);
        Assert.Equal(year, open.PeriodKey);
        Assert.Equal(ReminderAudience.SecretariesIfBranchPending, open.Audience);
        Assert.Contains(text, Words.Text(open), StringComparison.Ordinal);
        Assert.True(open.Actionable);

        // The in-time-to-act reminders stay, after the opening one.
        var due = plan.Where(p => p.ReminderKind.Key.StartsWith("due-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, due.Length);
        Assert.All(due, p => Assert.True(p.DueAt > open.DueAt));
    }

    [Fact]
    public void Plan_MonthlyDutyRequiredOnce_NoWindowOpenReminder()
    {
        var plan = Plan(new KnowledgeDutyCatalog([]), "2026-11-01T00:00:00", "2026-11-30T23:59:59");

        Assert.DoesNotContain(plan, p => p.ReminderKind.Key == "open" && p.Kinds.Contains("支部委员会"));
        Assert.DoesNotContain(plan, p => p.ReminderKind.Key == "open" && p.Kinds.Contains("党员大会"));
    }

    [Fact]
    public void Plan_FourTimesAYear_OpeningAndDeadlineRemindersCarryTheCount()
    {
        var catalog = new KnowledgeDutyCatalog([Rule("支部委员会", "P1Y", 4, summary: "支部委员会会议全年不少于四次")]);

        var plan = Plan(catalog, "2026-01-01T00:00:00", "2026-12-31T23:59:59").Where(p => p.Kinds.SequenceEqual(["支部委员会"])).ToArray();

        Assert.Equal(["open", "pace-1", "pace-2", "pace-3", "due-14d", "due-3d"], plan.Select(p => p.ReminderKind.Key));
        Assert.All(plan, p => Assert.Equal(4, p.Required));
        Assert.Equal([Local("2026-01-04T08:30:00"), Local("2026-03-24T08:30:00"), Local("2026-06-23T08:30:00"), Local("2026-09-23T08:30:00")],
            plan.Take(4).Select(p => p.DueAt));
        Assert.Equal([1, 2, 3], plan.Skip(1).Take(3).Select(p => p.PaceTarget!.Value));
        Assert.Contains("本年度召开支部委员会会议已完成 1/4 次，按进度6月30日前应完成2次", Words.Text(plan[2], new ReminderProgress(null, 1)), StringComparison.Ordinal);
        Assert.Contains("本年度需召开支部委员会会议不少于4次（已完成 0/4 次）", Words.Text(plan[0]), StringComparison.Ordinal);
        Assert.Contains("《机关党支部工作细则》二.(一).3：支部委员会会议全年不少于四次", Words.Text(plan[0]), StringComparison.Ordinal);
        Assert.Contains("本年度召开支部委员会会议已完成 3/4 次，距年底还有14天", Words.Text(plan[4], new ReminderProgress(null, 3)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("党小组会", "P1M", "2026-02-01", "2026-02", "2026-02-02T08:30:00", "2026-02-14T08:30:00")] // Feb 1 a Sunday; Feb 21 (28 − 7) in 春节 → the 调休 Saturday
    [InlineData("党小组会", "P1M", "2026-12-01", "2026-12", "2026-12-01T08:30:00", "2026-12-24T08:30:00")]
    [InlineData("思想汇报", "P3M", "2026-04-01", "2026-Q2", "2026-04-01T08:30:00", "2026-06-16T08:30:00")]
    [InlineData("思想汇报", "P3M", "2026-10-01", "2026-Q4", "2026-10-08T08:30:00", "2026-12-17T08:30:00")]
    [InlineData("学时", "P1Y", "2026-01-01", "2026", "2026-01-04T08:30:00", "2026-12-01T08:30:00")]
    public void Plan_MemberDutyAtPeriodBoundary_RemindersBelongToTheNewPeriod(string kind, string period, string start, string key, string open, string nudge)
    {
        var catalog = new KnowledgeDutyCatalog([Rule(kind, period, 1, actor: "党员")]);
        var first = DateOnly.ParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        // From the last day of the previous period to the end of this one.
        var plan = Plan(catalog, $"{first.AddDays(-1):yyyy-MM-dd}T00:00:00", $"{first.AddYears(1).AddDays(-1):yyyy-MM-dd}T23:59:59")
            .Where(p => p.Kinds.SequenceEqual([kind]) && p.Audience == ReminderAudience.UnconfirmedMembers && p.PeriodKey == key).ToArray();

        Assert.Equal([Local(open), Local(nudge)], plan.Select(p => p.DueAt));
        Assert.Equal(key, plan[0].PeriodKey);
    }

    [Fact]
    public void Plan_WeeklyMemberDuty_OneReminderAWeekWithoutNudge()
    {
        var catalog = new KnowledgeDutyCatalog([Rule("学时", "P1W", 1, actor: "党员")]);

        var plan = Plan(catalog, "2026-11-23T00:00:00", "2026-12-06T23:59:59")
            .Where(p => p.Kinds.SequenceEqual(["学时"]) && p.Audience == ReminderAudience.UnconfirmedMembers).ToArray();

        Assert.Equal([Local("2026-11-23T08:30:00"), Local("2026-11-30T08:30:00")], plan.Select(p => p.DueAt));
        Assert.All(plan, p => Assert.Equal("member-open", p.ReminderKind.Key));
    }

    [Theory]
    [InlineData("P1Y", 2, "2026-01-01", "2026-12-31", "2026-06-23T08:30:00")] // a week before the first half-year ends
    [InlineData("P3M", 3, "2026-10-01", "2026-12-31", "2026-10-23T08:30:00,2026-11-23T08:30:00")] // month ends; Oct 24 is a Saturday
    [InlineData("P1M", 2, "2026-11-01", "2026-11-30", "2026-11-10T08:30:00")] // equal days: Nov 15, five days before
    public void Plan_BranchDutySeveralTimes_PacingRemindersAtEachPart(string period, int count, string from, string to, string expected)
    {
        var catalog = new KnowledgeDutyCatalog([Rule("廉政专题学习", period, count)]);

        var pace = Plan(catalog, from + "T00:00:00", to + "T23:59:59")
            .Where(p => p.Kinds.SequenceEqual(["廉政专题学习"]) && p.ReminderKind.Key.StartsWith("pace-", StringComparison.Ordinal)).ToArray();

        Assert.Equal(expected.Split(',').Select(Local), pace.Select(p => p.DueAt));
        Assert.Equal(Enumerable.Range(1, count - 1), pace.Select(p => p.PaceTarget!.Value));
        Assert.All(pace, p => Assert.Equal(ReminderAudience.SecretariesIfBranchPending, p.Audience));
    }

    [Theory]
    [InlineData("Q4", null, "2026-01-01", "2026-12-31", "2026-10-01")]
    [InlineData(null, "--12-31", "2026-01-01", "2026-12-31", "2026-10-01")]
    [InlineData(null, "--03-31", "2026-01-01", "2026-03-31", "2026-01-01")]
    [InlineData("H2", null, "2026-01-01", "2026-12-31", "2026-07-01")]
    [InlineData(null, null, "2026-04-01", "2026-06-30", "2026-04-01")]
    public void WindowStart_WindowDeadlineOrNeither_FirstDayToAct(string? window, string? deadline, string periodStart, string due, string expected)
    {
        var start = DateOnly.ParseExact(periodStart, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var unit = start.Month == 1 ? PeriodUnit.Year : PeriodUnit.Quarter;
        var duty = new TrackedDuty { Kind = "x", Title = "x", Period = unit == PeriodUnit.Year ? "P1Y" : "P3M", Window = window, Deadline = deadline };

        var opens = ReminderPlanner.WindowStart(duty, DutyPeriod.Containing(unit, start), DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), opens);
    }
}
