using System.Globalization;
using System.Text.RegularExpressions;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Planning.Kinds;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Scheduler.Tests.Planning;

/// <summary>
/// The occurrence id is part of the idempotency key <c>pa:rem:key:{occurrenceId}:{memberId}</c>: the typed reminder kinds
/// must give exactly the id strings the string kinds gave, or a running store would send an occurrence again.
/// </summary>
public sealed partial class ReminderKindTests
{
    public static TheoryData<ReminderKind, string> Keys() => new()
    {
        { new ThemedDayLead(new DateOnly(2026, 12, 4), new TimeOnly(15, 0), "三楼会议室", LeadDays: 3, DaysBefore: 4), "themed-1204-3d" },
        { new ThemedDayLead(new DateOnly(2027, 1, 8), new TimeOnly(15, 0), null, LeadDays: 0, DaysBefore: 0), "themed-0108-0d" },
        { new ThemedDayOff(new DateOnly(2027, 1, 1), "元旦", new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 4), 2027), "themed-0101-dayoff" },
        { new DuesStart(), "dues" },
        { new DuesNudge(DuesDay: 20, DaysLeft: 10), "dues-nudge-20" },
        { new DuesArrears(), "arrears" },
        { new ArrearsNudge(2), "arrears-2" },
        { new ArrearsReport(3, ["张三"]), "arrears-report-3" },
        { new DutyDue(LeadDays: 14, DaysLeft: 15), "due-14d" },
        { new DutyWindowOpen(PeriodUnit.Quarter), "open" },
        { new DutyPace(2, new DateOnly(2026, 6, 30)), "pace-2" },
        { new MemberDutyOpen(), "member-open" },
        { new MemberDutyNudge(NudgeDays: 7, DaysLeft: 7), "member-nudge-7d" },
        { new ProvisionalCalendarNotice(2027, YearStarted: false), "calendar-missing" },
        { new ProvisionalCalendarNotice(2027, YearStarted: true), "calendar-missing-jan" },
        { new LeaveNotice("m17", "张三"), "leave-m17" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Key_EveryKind_TheStringKindItReplaces(ReminderKind kind, string expected)
    {
        Assert.Equal(expected, kind.Key);
    }

    [Fact]
    public void Id_TypedReminders_SameOccurrenceIdsAsBefore()
    {
        var month = DutyPeriod.Containing(PeriodUnit.Month, new DateOnly(2026, 12, 1));
        var year = DutyPeriod.Containing(PeriodUnit.Year, new DateOnly(2026, 1, 1));
        var themed = Reminder(["主题党日"], month, new ThemedDayLead(new DateOnly(2026, 12, 4), new TimeOnly(15, 0), null, 3, 3));
        var dues = Reminder(["党费"], month, new DuesArrears());
        var together = Reminder(["组织生活会", "民主评议党员"], year, new DutyWindowOpen(PeriodUnit.Quarter));
        var calendar = Reminder([ProvisionalCalendarNotice.Subject], DutyPeriod.Containing(PeriodUnit.Year, new DateOnly(2027, 1, 1)), new ProvisionalCalendarNotice(2027, true));

        Assert.Equal("jg1:主题党日:2026-12:themed-1204-3d", themed.Id);
        Assert.Equal("jg1:党费:2026-12:arrears", dues.Id);

        // The arrears steps were the ladder's id with the step appended.
        Assert.Equal(dues.Id + "-2", (dues with { ReminderKind = new ArrearsNudge(2) }).Id);
        Assert.Equal(dues.Id + "-report-5", (dues with { ReminderKind = new ArrearsReport(5, []) }).Id);
        Assert.Equal("jg1:组织生活会+民主评议党员:2026:open", together.Id);
        Assert.Equal("jg1:节假日数据:2027:calendar-missing-jan", calendar.Id);
        Assert.Equal("jg1:党费:2026-12:leave-m17", (dues with { ReminderKind = new LeaveNotice("m17", "张三") }).Id);
    }

    [Fact]
    public void Plan_AYearOfEveryDuty_EveryIdInTheFormatsOfTheStringKinds()
    {
        var planner = new ReminderPlanner(WorkingCalendar.LoadDefault());
        var settings = new BranchReminderSettings
        {
            ThemedDay = new ThemedDayRule { Kind = ThemedDayRuleKind.DayOfMonth, Day = 1 },
            DuesDays = [1, 15, 20],
        };
        var catalog = new KnowledgeDutyCatalog([DutyPlanningTests.Rule("支部委员会", "P1Y", 4), DutyPlanningTests.Rule("党小组会", "P1M", 1, actor: "党员")]);

        var plan = planner.Plan("b1", settings, catalog, new Dictionary<string, string>(), Local("2026-01-01T00:00:00"), Local("2027-01-31T23:59:59"));

        Assert.All(plan, p => Assert.Matches(OldId(), p.Id));
        Assert.All(plan, p => Assert.Equal($"b1:{string.Join('+', p.Kinds)}:{p.PeriodKey}:{p.ReminderKind.Key}", p.Id));
        var kinds = plan.Select(p => p.ReminderKind.GetType()).Distinct().ToArray();
        Assert.Superset(new HashSet<Type>([typeof(ThemedDayLead), typeof(ThemedDayOff), typeof(DuesStart), typeof(DuesNudge), typeof(DuesArrears),
            typeof(DutyDue), typeof(DutyWindowOpen), typeof(DutyPace), typeof(MemberDutyOpen), typeof(MemberDutyNudge), typeof(ProvisionalCalendarNotice)]), kinds.ToHashSet());
    }

    private static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + "+08:00", CultureInfo.InvariantCulture);

    private static PlannedReminder Reminder(IReadOnlyList<string> kinds, DutyPeriod period, ReminderKind kind) => new()
    {
        BranchId = "jg1",
        Group = ReminderGroup.Duties,
        Kinds = kinds,
        Titles = kinds,
        Period = period,
        ReminderKind = kind,
        Audience = ReminderAudience.Secretaries,
        DueAt = Local("2026-12-01T08:30:00"),
        UsefulUntil = Local("2027-01-01T00:00:00"),
    };

    /// <summary>The occurrence ids of the string kinds (docs/scheduler.md, “Reminder kinds”).</summary>
    [GeneratedRegex(@"^b1:[^:]+:\d{4}(-(\d{2}|Q[1-4]|H[12]|B[1-6]|W\d{2}))?:(themed-\d{4}-(\d+d|dayoff)|dues|dues-nudge-\d+|arrears|due-\d+d|open|pace-\d+|member-open|member-nudge-\d+d|calendar-missing(-jan)?)$")]
    private static partial Regex OldId();
}
