using PartyAffairs.Bot.Reminders;
using System.Globalization;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Scheduler.Tests.Settings;

public sealed class ThemedDayWarningsTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.LoadDefault();
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ThemedDayRule Rule(string text) => SettingsCommandParser.ParseThemedDay(text).Rule!;

    /// <summary>The warnings as the host words them.</summary>
    private static List<string> Warnings(ThemedDayRule? rule, DateOnly today, WorkingCalendar calendar) =>
        ThemedDayWarnings.For(rule, today, calendar).Select(SettingsWording.Warning).ToList();

    [Fact]
    public void For_FirstFridayRule_WarnsOfEachComingDayOffWithTheNearestWorkingDays()
    {
        var warnings = Warnings(Rule("每月第一个周五 15:00"), Today, Calendar);

        // 2027 has no notice yet: 元旦, 除夕 and 国庆节 are computed from the law.
        Assert.Equal(
        [
            "注意：2027年1月1日为元旦假日，最近的工作日为12月31日（星期四）或1月4日（星期一）",
            "注意：2027年2月5日为春节假日，最近的工作日为2月4日（星期四）或2月9日（星期二）",
            "注意：2027年10月1日为国庆节假日，最近的工作日为9月30日（星期四）或10月4日（星期一）",
            "2027年放假安排尚未发布，暂按法定节日计算，调休以国务院通知为准。",
        ], warnings);
    }

    [Theory]
    [InlineData("每月第三个周二 15:00")]          // never a day off in the coming year
    [InlineData("2026-12-04、2027-01-08 15:00")]  // working days
    [InlineData("2026-11-20 15:00")]              // past dates are not warned about (the validator refuses them)
    public void For_RuleOnWorkingDays_NoWarning(string rule)
    {
        Assert.Empty(Warnings(Rule(rule), Today, Calendar));
    }

    [Fact]
    public void For_ExplicitDates_HolidayAndWeekendBothNamed()
    {
        var warnings = Warnings(Rule("2026-12-04、2027-03-06、2026-10-02 15:00"), new DateOnly(2026, 9, 1), Calendar);

        Assert.Equal(
        [
            "注意：2026年10月2日为国庆节假日，最近的工作日为9月30日（星期三）或10月8日（星期四）",
            "注意：2027年3月6日为星期六，不是工作日，最近的工作日为3月5日（星期五）或3月8日（星期一）",
        ], warnings);
    }

    [Fact]
    public void For_TableYearHoliday_NoProvisionalNote()
    {
        var warnings = Warnings(Rule("每月1日 15:00"), new DateOnly(2026, 9, 15), Calendar);

        Assert.Contains("注意：2026年10月1日为国庆节假日，最近的工作日为9月30日（星期三）或10月8日（星期四）", warnings);
        Assert.Contains("注意：2027年1月1日为元旦假日，最近的工作日为12月31日（星期四）或1月4日（星期一）", warnings);
        Assert.Equal("2027年放假安排尚未发布，暂按法定节日计算，调休以国务院通知为准。", warnings[^1]);
    }

    [Fact]
    public void For_RuleOnSaturdays_ListsSixAndCountsTheRest()
    {
        var warnings = Warnings(Rule("每月第一个周六 09:00"), Today, Calendar);

        Assert.Equal(ThemedDayWarnings.MaxListed + 2, warnings.Count);
        Assert.Equal("注意：2026年12月5日为星期六，不是工作日，最近的工作日为12月4日（星期五）或12月7日（星期一）", warnings[0]);
        Assert.Contains("注意：2027年2月6日为春节假日，最近的工作日为2月4日（星期四）或2月9日（星期二）", warnings);
        Assert.Equal("另有6个主题党日适逢休息日或节假日，发送“查看提醒计划”可查看。", warnings[^2]);
        Assert.StartsWith("2027年放假安排尚未发布", warnings[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void For_NoticeLoaded_WarnsByTheNoticeWithoutTheProvisionalNote()
    {
        var calendar = WorkingCalendar.LoadDefault();
        Assert.Null(HolidayNoticeJson.Read(Calendar_SampleNotice(), 2027, out var notice));
        calendar.ApplyLoadedNotices([notice!]);

        var warnings = Warnings(Rule("每月第一个周五 15:00"), Today, calendar);

        Assert.Equal(
        [
            "注意：2027年1月1日为元旦假日，最近的工作日为12月31日（星期四）或1月4日（星期一）",
            "注意：2027年2月5日为春节假日，最近的工作日为2月4日（星期四）或2月12日（星期五）",
            "注意：2027年10月1日为国庆节假日，最近的工作日为9月30日（星期四）或10月8日（星期五）",
        ], warnings);
    }

    private static string Calendar_SampleNotice() => Tests.Calendar.SampleNotice.For2027().ToJsonString();

    [Fact]
    public void For_NoRule_NoWarning()
    {
        Assert.Empty(Warnings(null, Today, Calendar));
        Assert.Equal(DateOnly.ParseExact("2026-12-07", "yyyy-MM-dd", CultureInfo.InvariantCulture), Calendar.ExampleDate(Today));
    }

    [Fact]
    public void For_FirstFridayRule_TypedWarningsCarryTheDaysOffAndTheProvisionalYear()
    {
        var warnings = ThemedDayWarnings.For(Rule("每月第一个周五 15:00"), Today, Calendar);

        Assert.Equal([SettingsWarningCode.DayOff, SettingsWarningCode.DayOff, SettingsWarningCode.DayOff, SettingsWarningCode.ProvisionalYears], warnings.Select(w => w.Code));
        Assert.Equal((new DateOnly(2027, 1, 1), "元旦", new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 4)),
            (warnings[0].Date, warnings[0].Holiday, warnings[0].NearestBefore, warnings[0].NearestAfter));
        Assert.Equal([2027], warnings[^1].Years);
    }
}
