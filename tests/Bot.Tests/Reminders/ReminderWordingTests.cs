using System.Globalization;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Planning.Kinds;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.Tests.Reminders;

/// <summary>The host's words for the scheduler's typed reminders, settings outcomes and notice problems.</summary>
public sealed class ReminderWordingTests
{
    [Fact]
    public void Cite_ClauseOfADocumentWithSeveralLists_NamesItsOwnList()
    {
        var source = new RuleSource
        {
            Kind = RuleSourceKind.Clause, Document = "003", DocumentTitle = "XX局机关党支部工作规则", ListTitle = "党支部工作制度",
            ClauseId = "§2.一.1", Summary = "支部委员会每月召开一次",
        };

        Assert.StartsWith("《党支部工作制度》", ReminderWording.Cite(source), StringComparison.Ordinal);
        Assert.StartsWith("《XX局机关党支部工作规则》", ReminderWording.Cite(source with { ListTitle = null }), StringComparison.Ordinal);
    }

    private static readonly DutyPeriod December = DutyPeriod.Containing(PeriodUnit.Month, new DateOnly(2026, 12, 1));
    private static readonly DutyPeriod Year2026 = DutyPeriod.Containing(PeriodUnit.Year, new DateOnly(2026, 1, 1));

    private static readonly RuleSource Clause = new()
    {
        Kind = RuleSourceKind.Clause, Document = "003", DocumentTitle = "《机关党支部工作细则》", ClauseId = "二.(一).3", Summary = "党员大会每季度召开一次",
    };

    /// <summary>One reminder of every kind, with the words it must carry.</summary>
    public static TheoryData<string, PlannedReminder, ReminderProgress?, string> Samples() => new()
    {
        { "themed lead", Reminder(["主题党日"], ["参加主题党日"], December, new ThemedDayLead(new DateOnly(2026, 12, 4), new TimeOnly(15, 0), "三楼会议室", 3, 3)), null,
            "【主题党日提醒】3天后（12月4日（星期五） 15:00）开展主题党日，地点：三楼会议室。依据：《中国共产党支部工作条例（试行）》。参加后请点“已完成”，不能参加请点“请假”。" },
        { "themed day off", Reminder(["主题党日"], ["参加主题党日"], December, new ThemedDayOff(new DateOnly(2026, 12, 5), null, new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 4), null)), null,
            "提示：本月主题党日（12月5日（星期六））不是工作日，请确认是否调整日期。" },
        { "dues", Reminder(["党费"], ["交纳党费"], December, new DuesStart(), RuleSource.DuesRegulations), null,
            "【党费提醒】请按时交纳12月党费。依据：《中国共产党章程》第八条、《关于中国共产党党费收缴、使用和管理的规定》。交纳后请点“已完成”。" },
        { "dues nudge", Reminder(["党费"], ["交纳党费"], December, new DuesNudge(20, 11), RuleSource.DuesRegulations), null, "12月党费尚未确认交纳，距月底还有11天" },
        { "arrears ladder", Reminder(["党费"], ["交纳党费"], December, new DuesArrears()), null, string.Empty },
        { "arrears nudge", Reminder(["党费"], ["交纳党费"], December, new ArrearsNudge(2)), null, "您已连续2个月未确认交纳党费" },
        { "arrears report", Reminder(["党费"], ["交纳党费"], December, new ArrearsReport(3, ["张三", "李四"])), null, "以下党员已连续3个月未确认交纳党费：张三、李四" },
        { "due", Reminder(["党员大会"], ["召开党员大会"], DutyPeriod.Containing(PeriodUnit.Quarter, new DateOnly(2026, 10, 1)), new DutyDue(14, 14), Clause), new ReminderProgress(null, 0),
            "【工作提醒】本季度尚未召开党员大会，距季末还有14天。依据：《机关党支部工作细则》二.(一).3：党员大会每季度召开一次。完成后请点“已完成”。" },
        { "window open", Reminder(["组织生活会", "民主评议党员"], ["召开组织生活会", "开展民主评议党员"], Year2026, new DutyWindowOpen(PeriodUnit.Quarter)), null,
            "【工作提醒】本季度需召开组织生活会、开展民主评议党员，请于12月31日前完成。" },
        { "pace", Reminder(["支部委员会"], ["召开支部委员会会议"], Year2026, new DutyPace(2, new DateOnly(2026, 6, 30))) with { Required = 4 }, new ReminderProgress(null, 1),
            "本年度召开支部委员会会议已完成 1/4 次，按进度6月30日前应完成2次" },
        { "member open", Reminder(["党小组会"], ["参加党小组会"], December, new MemberDutyOpen()), null, "【党员提醒】本月请于12月31日前参加党小组会。" },
        { "member nudge", Reminder(["党小组会"], ["参加党小组会"], December, new MemberDutyNudge(7, 7)), null, "本月参加党小组会尚未确认完成，距月底还有7天" },
        { "provisional calendar", Reminder([ProvisionalCalendarNotice.Subject], [], DutyPeriod.Containing(PeriodUnit.Year, new DateOnly(2027, 1, 1)), new ProvisionalCalendarNotice(2027, false)), null,
            "【节假日提示】2027年放假安排尚未发布，暂按法定节日计算，调休以国务院通知为准。在此之前" },
        { "probation review due", Reminder(["预备党员考察"], ["预备党员考察"], DutyPeriod.Containing(PeriodUnit.Quarter, new DateOnly(2026, 10, 1)), new ProbationReviewDue(false)), null, string.Empty },
        { "probation review", Reminder(["预备党员考察"], ["预备党员考察"], DutyPeriod.Containing(PeriodUnit.TwoMonths, new DateOnly(2026, 11, 1)), new ProbationReview("m9", "李四", true)), null,
            "【预备党员考察】2026年第6个两月期（11—12月）请对延长预备期的预备党员李四进行教育考察" },
        { "leave", Reminder(["主题党日"], ["参加主题党日"], December, new LeaveNotice("m17", "张三")), null, "【请假】张三已就参加主题党日（2026-12）请假。" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Text_EveryKind_WordsItsFacts(string name, PlannedReminder reminder, ReminderProgress? progress, string expected)
    {
        var text = ReminderWording.Text(reminder, progress);

        Assert.True(expected.Length == 0 ? text.Length == 0 : text.Contains(expected, StringComparison.Ordinal), $"{name}: {text}");
    }

    [Fact]
    public void Samples_CoverEveryReminderKindOfTheScheduler()
    {
        var kinds = typeof(ReminderKind).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ReminderKind)) && !t.IsAbstract).ToHashSet();

        var covered = Samples().Select(row => ((PlannedReminder)row[1]).ReminderKind.GetType()).ToHashSet();

        Assert.Equal(kinds.OrderBy(t => t.Name).Select(t => t.Name), covered.OrderBy(t => t.Name).Select(t => t.Name));
    }

    [Fact]
    public void Text_DueWithProgress_MembersPendingOrCountOrNotYet()
    {
        var quarter = DutyPeriod.Containing(PeriodUnit.Quarter, new DateOnly(2026, 10, 1));
        var members = Reminder(["党小组会"], ["参加党小组会"], quarter, new DutyDue(14, 14)) with { Audience = ReminderAudience.SecretariesWithMemberProgress };
        var counted = Reminder(["支部委员会"], ["召开支部委员会会议"], Year2026, new DutyDue(14, 14)) with { Required = 4, Deadline = new DateOnly(2026, 12, 31) };
        var fixedDeadline = Reminder(["责任清单"], ["报送党建工作责任清单"], Year2026, new DutyDue(14, 14)) with { Deadline = new DateOnly(2026, 3, 31), DeadlineIsPeriodEnd = false };

        Assert.Contains("本季度尚有5名党员未确认参加党小组会，距季末还有14天", ReminderWording.Text(members, new ReminderProgress(5, 0)), StringComparison.Ordinal);
        Assert.Contains("本年度召开支部委员会会议已完成 3/4 次，距年底还有14天", ReminderWording.Text(counted, new ReminderProgress(null, 3)), StringComparison.Ordinal);
        Assert.Contains("本年度尚未召开支部委员会会议，距年底还有14天", ReminderWording.Text(counted), StringComparison.Ordinal);
        Assert.Contains("本年度尚未报送党建工作责任清单，距3月31日截止还有14天", ReminderWording.Text(fixedDeadline), StringComparison.Ordinal);
    }

    [Fact]
    public void Message_Answers_OneButtonEachCarryingDutiesAndPeriod()
    {
        var wording = new ReminderWording();
        var reminder = Reminder(["组织生活会", "民主评议党员"], ["召开组织生活会", "开展民主评议党员"], Year2026, new DutyWindowOpen(PeriodUnit.Quarter));

        var both = wording.Message(reminder, null, [CompletionStatus.Done, CompletionStatus.Leave]);
        var done = wording.Message(reminder, null, [CompletionStatus.Done]);
        var none = wording.Message(reminder, null, []);

        Assert.Equal([("已完成", "已完成 组织生活会、民主评议党员 2026"), ("请假", "请假 组织生活会、民主评议党员 2026")], both.Actions.Select(a => (a.Title, a.Value)));
        Assert.Equal([("已完成", "已完成 组织生活会、民主评议党员 2026")], done.Actions.Select(a => (a.Title, a.Value)));
        Assert.Empty(none.Actions);
        Assert.Equal(both.Text, none.Text);
        Assert.All(both.Actions, a => Assert.NotNull(ReminderResponses.Parse(a.Value)));
    }

    [Fact]
    public void Cite_ClauseBaselineOrUntitledDocument()
    {
        Assert.Equal("《机关党支部工作细则》二.(一).3：党员大会每季度召开一次", ReminderWording.Cite(Clause));
        Assert.Equal("文件003二.(一).3：党员大会每季度召开一次", ReminderWording.Cite(Clause with { DocumentTitle = null }));
        Assert.Equal("《中国共产党支部工作条例（试行）》", ReminderWording.Cite(RuleSource.NationalBaseline));
        Assert.Equal(ReminderTexts.DuesRule, ReminderWording.Cite(RuleSource.DuesRegulations));
    }

    [Fact]
    public void Text_TwoDutiesCitingOneRule_CitedOnce()
    {
        var reminder = Reminder(["组织生活会", "民主评议党员"], ["召开组织生活会", "开展民主评议党员"], Year2026, new DutyWindowOpen(PeriodUnit.Quarter), Clause, Clause with { });

        var text = ReminderWording.Text(reminder);

        Assert.Equal(1, text.Split("二.(一).3").Length - 1);
    }

    [Fact]
    public void PlanWords_TitleLabelAndAudience()
    {
        var themed = Reminder(["主题党日"], ["参加主题党日"], December, new ThemedDayLead(new DateOnly(2026, 12, 4), new TimeOnly(15, 0), null, 3, 3));
        var calendar = Reminder([ProvisionalCalendarNotice.Subject], [], Year2026, new ProvisionalCalendarNotice(2026, true));
        var duty = Reminder(["组织生活会", "民主评议党员"], ["召开组织生活会", "开展民主评议党员"], Year2026, new DutyWindowOpen(PeriodUnit.Quarter));

        Assert.Equal(["主题党日", "节假日数据", "召开组织生活会、开展民主评议党员"], new[] { themed, calendar, duty }.Select(ReminderWording.PlanTitle));
        Assert.Equal(["（开始）", "（开始）", "（进度）", "（未确认者）", "（截止前）", string.Empty, string.Empty],
            new ReminderKind[] { new DutyWindowOpen(PeriodUnit.Year), new MemberDutyOpen(), new DutyPace(1, default), new MemberDutyNudge(7, 7), new DutyDue(3, 3), new DuesStart(), new ThemedDayLead(default, default, null, 0, 0) }
                .Select(ReminderWording.PlanLabel));
        Assert.Equal(["党员", "书记", "书记", "书记", "欠缴党员及书记", "入党介绍人及书记"], Enum.GetValues<ReminderAudience>().Select(ReminderWording.PlanAudience));
    }

    [Fact]
    public void SettingsError_EveryCode_Worded()
    {
        var data = new SettingsError(SettingsErrorCode.UnknownTimeZone)
        {
            Text = "999", Number = 8, Weekday = DayOfWeek.Friday, Date = new DateOnly(2026, 11, 20), ExampleDate = new DateOnly(2026, 12, 7),
            Time = new TimeOnly(22, 0), Known = ["000", "003"],
        };

        foreach (var code in Enum.GetValues<SettingsErrorCode>())
        {
            Assert.False(string.IsNullOrWhiteSpace(SettingsWording.Error(data with { Code = code })), code.ToString());
        }

        Assert.Contains("每月最多有5个星期五，无法设置为第8个", SettingsWording.Error(data with { Code = SettingsErrorCode.OrdinalOutOfRange }), StringComparison.Ordinal);
        Assert.Contains("2026-11-20已经过去", SettingsWording.Error(data with { Code = SettingsErrorCode.DateInPast }), StringComparison.Ordinal);
        Assert.Contains("示例：设置主题党日 2026-12-07 15:00", SettingsWording.Error(data with { Code = SettingsErrorCode.DateInPast }), StringComparison.Ordinal);
        Assert.Contains("如 2026-12-07", SettingsWording.Error(data with { Code = SettingsErrorCode.NoDates }), StringComparison.Ordinal);
        Assert.Contains("提醒时间22:00在免打扰时段内", SettingsWording.Error(data with { Code = SettingsErrorCode.LeadInQuietHours }), StringComparison.Ordinal);
        Assert.Contains("没有编号为“999”的文件。可选：000、003", SettingsWording.Error(data with { Code = SettingsErrorCode.UnknownDocument }), StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsWarning_EveryCode_Worded()
    {
        var dayOff = new SettingsWarning(SettingsWarningCode.DayOff) { Date = new DateOnly(2027, 1, 1), Holiday = "元旦", NearestBefore = new DateOnly(2026, 12, 31), NearestAfter = new DateOnly(2027, 1, 4) };

        Assert.Equal("注意：2027年1月1日为元旦假日，最近的工作日为12月31日（星期四）或1月4日（星期一）", SettingsWording.Warning(dayOff));
        Assert.StartsWith("注意：2027年1月2日为星期六，不是工作日", SettingsWording.Warning(dayOff with { Date = new DateOnly(2027, 1, 2), Holiday = null }), StringComparison.Ordinal);
        Assert.Equal("另有3个主题党日适逢休息日或节假日，发送“查看提醒计划”可查看。", SettingsWording.Warning(new SettingsWarning(SettingsWarningCode.MoreDaysOff) { Count = 3 }));
        Assert.Equal("2027年放假安排尚未发布，暂按法定节日计算，调休以国务院通知为准；2028年放假安排尚未发布，暂按法定节日计算，调休以国务院通知为准。",
            SettingsWording.Warning(new SettingsWarning(SettingsWarningCode.ProvisionalYears) { Years = [2027, 2028] }));
    }

    [Fact]
    public void NoticeProblem_EveryCode_Worded()
    {
        var data = new HolidayNoticeProblem(HolidayNoticeProblemCode.NotJson)
        {
            Name = "端午节", Text = "2027-6-9", Index = 2, Year = 2027, Date = new DateOnly(2027, 2, 19), Dates = [new DateOnly(2027, 6, 9)],
            StatutoryDay = new StatutoryDay("端午节", new DateOnly(2027, 6, 9), "农历五月初五"),
        };

        foreach (var code in Enum.GetValues<HolidayNoticeProblemCode>())
        {
            Assert.False(string.IsNullOrWhiteSpace(CalendarTexts.Problem(data with { Code = code })), code.ToString());
        }

        Assert.Equal(CalendarTexts.NoticeNotJson, CalendarTexts.Problem(data));
        Assert.Contains("2027-02-19 是星期五", CalendarTexts.Problem(data with { Code = HolidayNoticeProblemCode.WorkdayNotWeekend }), StringComparison.Ordinal);
    }

    private static PlannedReminder Reminder(IReadOnlyList<string> kinds, IReadOnlyList<string> titles, DutyPeriod period, ReminderKind kind, params RuleSource[] sources) => new()
    {
        BranchId = "jg1",
        Group = ReminderGroup.Duties,
        Kinds = kinds,
        Titles = titles,
        Period = period,
        ReminderKind = kind,
        Audience = ReminderAudience.SecretariesIfBranchPending,
        DueAt = DateTimeOffset.Parse("2026-12-01T08:30:00+08:00", CultureInfo.InvariantCulture),
        UsefulUntil = DateTimeOffset.Parse("2027-01-01T00:00:00+08:00", CultureInfo.InvariantCulture),
        Deadline = period.End,
        Sources = sources.Length == 0 ? [RuleSource.NationalBaseline] : sources,
    };
}
