using PartyAffairs.Bot.Reminders;
using System.Globalization;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Scheduler.Tests.Planning;

public sealed class ReminderPlannerTests
{
    private static readonly ReminderPlanner Planner = new(WorkingCalendar.LoadDefault());
    private static readonly KnowledgeDutyCatalog Catalog = new([]);
    private static readonly Dictionary<string, string> NoTitles = [];

    private static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + "+08:00", CultureInfo.InvariantCulture);

    private static IReadOnlyList<PlannedReminder> Plan(BranchReminderSettings settings, string from, string to) =>
        Planner.Plan("b1", settings, Catalog, NoTitles, Local(from), Local(to));

    private static BranchReminderSettings WithThemedDay(string rule) => new() { ThemedDay = SettingsCommandParser.ParseThemedDay(rule).Rule };

    [Fact]
    public void Plan_FirstFridayRule_RemindsThreeDaysBeforeAndOnTheDay()
    {
        var plan = Plan(WithThemedDay("每月第一个周五 15:00 三楼会议室"), "2026-11-01T00:00:00", "2026-11-30T23:59:59")
            .Where(p => p.Group == ReminderGroup.ThemedDay).ToArray();

        Assert.Equal([Local("2026-11-03T08:30:00"), Local("2026-11-06T08:30:00")], plan.Select(p => p.DueAt));
        Assert.All(plan, p => Assert.Equal("2026-11", p.PeriodKey));
        Assert.Contains("11月6日（星期五） 15:00", Words.Text(plan[0]), StringComparison.Ordinal);
        Assert.Contains("三楼会议室", Words.Text(plan[0]), StringComparison.Ordinal);
        Assert.Contains("依据", Words.Text(plan[0]), StringComparison.Ordinal);
        Assert.Equal(Local("2026-11-06T15:00:00"), plan[1].UsefulUntil);
    }

    [Fact]
    public void Plan_ThemedDayOnHoliday_FlagsSecretaryAndMovesRemindersToPreviousWorkingDay()
    {
        var plan = Plan(WithThemedDay("每月1日 15:00"), "2026-09-15T00:00:00", "2026-10-02T00:00:00")
            .Where(p => p.Group == ReminderGroup.ThemedDay && p.PeriodKey == "2026-10").ToArray();

        var flag = Assert.Single(plan, p => p.Audience == ReminderAudience.Secretaries);
        Assert.Contains("国庆节", Words.Text(flag), StringComparison.Ordinal);
        Assert.Equal(Local("2026-09-24T08:30:00"), flag.DueAt);

        // 3 days before (Sep 28, Monday) stays; on the day (Oct 1, 国庆节) moves back to Sep 30.
        Assert.Equal([Local("2026-09-28T08:30:00"), Local("2026-09-30T08:30:00")],
            plan.Where(p => p.Audience == ReminderAudience.UnconfirmedMembers).Select(p => p.DueAt));
    }

    [Fact]
    public void Plan_ThemedDayOnAdjustedWorkday_NeitherFlaggedNorMoved()
    {
        var plan = Plan(WithThemedDay("2026-10-10 09:00"), "2026-10-01T00:00:00", "2026-10-31T00:00:00")
            .Where(p => p.Group == ReminderGroup.ThemedDay).ToArray();

        Assert.DoesNotContain(plan, p => p.Audience == ReminderAudience.Secretaries);
        // 3 days before is Oct 7 (国庆节): moved back to Sep 30, outside the range; the day itself is the 调休 Saturday.
        Assert.Equal([Local("2026-10-10T08:30:00")], plan.Select(p => p.DueAt));
    }

    [Theory]
    [InlineData("2026-10", "2026-10-08T08:30:00")] // Oct 1–7 国庆节: the previous working day leaves the month, so the next one
    [InlineData("2026-02", "2026-02-02T08:30:00")] // Feb 1 is a Sunday
    [InlineData("2026-03", "2026-03-02T08:30:00")] // Mar 1 is a Sunday
    [InlineData("2026-12", "2026-12-01T08:30:00")] // a Tuesday
    public void Plan_DuesAtMonthStart_OnAWorkingDayOfThatMonth(string month, string expected)
    {
        var start = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var plan = Plan(new BranchReminderSettings(), $"{start:yyyy-MM-dd}T00:00:00", $"{start.AddMonths(1).AddDays(-1):yyyy-MM-dd}T23:59:59");

        var dues = Assert.Single(plan, p => p.ReminderKind.Key == "dues");
        Assert.Equal(Local(expected), dues.DueAt);
        Assert.Equal(month, dues.PeriodKey);
        Assert.Contains(plan, p => p.ReminderKind.Key == "arrears" && p.DueAt == dues.DueAt);
    }

    [Fact]
    public void Plan_DuesNudgeOnSpringFestival_MovesToTheAdjustedSaturday()
    {
        var plan = Plan(new BranchReminderSettings(), "2026-02-01T00:00:00", "2026-02-28T23:59:59");

        var nudge = Assert.Single(plan, p => p.ReminderKind.Key == "dues-nudge-20");
        Assert.Equal(Local("2026-02-14T08:30:00"), nudge.DueAt);
        Assert.Contains("距月底还有14天", Words.Text(nudge), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_QuarterlyAssembly_RemindsSecretaryBeforeQuarterEndWithDaysLeft()
    {
        var plan = Plan(new BranchReminderSettings(), "2026-12-01T00:00:00", "2026-12-31T23:59:59")
            .Where(p => p.Kinds.SequenceEqual(["党员大会"])).ToArray();

        Assert.Equal([Local("2026-12-17T08:30:00"), Local("2026-12-28T08:30:00")], plan.Select(p => p.DueAt));
        Assert.All(plan, p => Assert.Equal("2026-Q4", p.PeriodKey));
        Assert.Equal(ReminderAudience.SecretariesIfBranchPending, plan[0].Audience);
        Assert.Contains("本季度尚未召开党员大会，距季末还有14天", Words.Text(plan[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OrganisationalLifeAndReview_OneReminderForBoth()
    {
        var plan = Plan(new BranchReminderSettings(), "2026-12-01T00:00:00", "2026-12-31T23:59:59")
            .Where(p => p.Kinds.Contains(DutyKinds.MemberReview)).ToArray();

        Assert.Equal(2, plan.Length);
        Assert.All(plan, p => Assert.Equal([DutyKinds.OrganisationalLifeMeeting, DutyKinds.MemberReview], p.Kinds));
        Assert.All(plan, p => Assert.Equal("2026", p.PeriodKey));
        Assert.Contains("召开组织生活会、开展民主评议党员", Words.Text(plan[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ResponsibilityListDeadline_RemindsBeforeMarch31()
    {
        var settings = new BranchReminderSettings();
        var plan = Plan(settings, "2026-03-01T00:00:00", "2026-03-31T23:59:59").Where(p => p.Kinds.SequenceEqual(["责任清单"])).ToArray();

        Assert.Equal([Local("2026-03-17T08:30:00"), Local("2026-03-27T08:30:00")], plan.Select(p => p.DueAt)); // Mar 28 is a Saturday
        Assert.Contains("距3月31日截止还有14天", Words.Text(plan[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MonthlyCommitteeInFebruary_CountsToFebruary28()
    {
        var plan = Plan(new BranchReminderSettings(), "2026-02-01T00:00:00", "2026-02-28T23:59:59")
            .Where(p => p.Kinds.SequenceEqual(["支部委员会"])).ToArray();

        // Feb 14 (28 − 14) is the 调休 Saturday, a working day; Feb 25 is a Wednesday.
        Assert.Equal([Local("2026-02-14T08:30:00"), Local("2026-02-25T08:30:00")], plan.Select(p => p.DueAt));
        Assert.All(plan, p => Assert.Equal("2026-02", p.PeriodKey));
    }

    [Fact]
    public void Plan_YearWithoutHolidayData_TellsSecretariesInDecember()
    {
        var plan = Plan(new BranchReminderSettings(), "2026-11-23T00:00:00", "2026-12-31T23:59:59");

        var notice = Assert.Single(plan, p => p.ReminderKind.Key == "calendar-missing");
        Assert.Equal("2027", notice.PeriodKey);
        Assert.Equal(Local("2026-12-01T08:30:00"), notice.DueAt);
        Assert.Equal(ReminderAudience.Secretaries, notice.Audience);
        Assert.DoesNotContain(Plan(new BranchReminderSettings(), "2025-11-01T00:00:00", "2025-12-31T23:59:59"), p => p.ReminderKind.Key == "calendar-missing");
    }

    [Fact]
    public void Plan_ProvisionalYear_ToldOnDecemberFirstAndOnItsFirstWorkingDayOnly()
    {
        var plan = Plan(new BranchReminderSettings(), "2026-11-23T00:00:00", "2027-03-31T23:59:59")
            .Where(p => p.Kinds.SequenceEqual(["节假日数据"])).ToArray();

        // 2027-01-01 is 元旦 (computed) and 1月2日–3日 a weekend: the year's first working day is 1月4日.
        Assert.Equal([("calendar-missing", Local("2026-12-01T08:30:00")), ("calendar-missing-jan", Local("2027-01-04T08:30:00"))],
            plan.Select(p => (p.ReminderKind.Key, p.DueAt)));
        Assert.All(plan, p => Assert.Contains("2027年放假安排尚未发布，暂按法定节日计算，调休以国务院通知为准", Words.Text(p), StringComparison.Ordinal));
        Assert.All(plan, p => Assert.Equal(ReminderAudience.Secretaries, p.Audience));
        Assert.All(plan, p => Assert.Equal("2027", p.PeriodKey));
    }

    [Fact]
    public void Plan_ProvisionalYearNoticeLoaded_NoLongerTold()
    {
        var calendar = WorkingCalendar.LoadDefault();
        Assert.Null(HolidayNoticeJson.Read(Calendar.SampleNotice.For2027().ToJsonString(), 2027, out var notice));
        calendar.ApplyLoadedNotices([notice!]);

        var plan = new ReminderPlanner(calendar).Plan("b1", new BranchReminderSettings(), Catalog, NoTitles, Local("2026-11-23T00:00:00"), Local("2027-03-31T23:59:59"));

        Assert.DoesNotContain(plan, p => p.Kinds.SequenceEqual(["节假日数据"]));
    }

    [Fact]
    public void Plan_ThemedDayOnComputedHoliday_FlaggedAndMovedLikeATableHoliday()
    {
        // The first Friday of 2027 is 元旦: no State Council notice yet, so the day off is computed from the law.
        var plan = Plan(WithThemedDay("每月第一个周五 15:00"), "2026-12-15T00:00:00", "2027-01-02T00:00:00")
            .Where(p => p.Group == ReminderGroup.ThemedDay && p.PeriodKey == "2027-01").ToArray();

        var flag = Assert.Single(plan, p => p.Audience == ReminderAudience.Secretaries);
        Assert.Equal("themed-0101-dayoff", flag.ReminderKind.Key);
        Assert.Equal(Local("2026-12-25T08:30:00"), flag.DueAt);
        Assert.Contains("适逢元旦，最近的工作日为12月31日（星期四）或1月4日（星期一）", Words.Text(flag), StringComparison.Ordinal);
        Assert.Contains("设置主题党日 2027-01-04", Words.Text(flag), StringComparison.Ordinal);
        Assert.Contains("2027年放假安排尚未发布，暂按法定节日计算", Words.Text(flag), StringComparison.Ordinal);

        // 3 days before (Dec 29, Tuesday) stays; on the day (元旦) moves back to Dec 31.
        Assert.Equal([Local("2026-12-29T08:30:00"), Local("2026-12-31T08:30:00")],
            plan.Where(p => p.Audience == ReminderAudience.UnconfirmedMembers).Select(p => p.DueAt));
    }

    [Fact]
    public void Plan_ThemedDayOnTableHoliday_FlagNamesTheNearestWorkingDaysWithoutTheProvisionalNote()
    {
        var plan = Plan(WithThemedDay("每月1日 15:00"), "2026-09-15T00:00:00", "2026-10-02T00:00:00");

        var flag = Assert.Single(plan, p => p.ReminderKind.Key == "themed-1001-dayoff");
        Assert.Contains("最近的工作日为9月30日（星期三）或10月8日（星期四）", Words.Text(flag), StringComparison.Ordinal);
        Assert.Contains("设置主题党日 2026-10-08", Words.Text(flag), StringComparison.Ordinal); // a working day of the same month
        Assert.DoesNotContain("尚未发布", Words.Text(flag), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_LeadBeforeQuietHoursEnd_MovesToWindowEnd()
    {
        var settings = WithThemedDay("每月第一个周五 15:00") with { Leads = [new ReminderLead(3, new TimeOnly(6, 0))] };

        var plan = Plan(settings, "2026-11-01T00:00:00", "2026-11-30T23:59:59").Where(p => p.Group == ReminderGroup.ThemedDay);

        Assert.Equal([Local("2026-11-03T08:00:00")], plan.Select(p => p.DueAt));
    }

    [Fact]
    public void Plan_NextShift_NeverPastTheEvent()
    {
        // Oct 10 2026 (调休 Saturday): on-the-day reminder stays; with "next" a reminder falling in 国庆节 would jump past it.
        var settings = WithThemedDay("2026-10-09 15:00") with { HolidayShift = HolidayShift.Next, Leads = [new ReminderLead(3, new TimeOnly(8, 30))] };

        var plan = Plan(settings, "2026-09-01T00:00:00", "2026-10-31T23:59:59").Where(p => p.Group == ReminderGroup.ThemedDay && p.Audience == ReminderAudience.UnconfirmedMembers);

        Assert.Equal([Local("2026-10-08T08:30:00")], plan.Select(p => p.DueAt));
    }
}
