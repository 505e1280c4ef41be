using PartyAffairs.Bot.Reminders;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.Tests.Reminders;

public sealed class SettingsCommandParserTests
{
    [Theory]
    [InlineData("每月第一个周五 15:00 三楼会议室", ThemedDayRuleKind.NthWeekday, 1, DayOfWeek.Friday, 0, "15:00", "三楼会议室")]
    [InlineData("每月第3个星期二 14:30", ThemedDayRuleKind.NthWeekday, 3, DayOfWeek.Tuesday, 0, "14:30", null)]
    [InlineData("每月第二个礼拜日 9:00 党员之家", ThemedDayRuleKind.NthWeekday, 2, DayOfWeek.Sunday, 0, "09:00", "党员之家")]
    [InlineData("每月最后一个周四", ThemedDayRuleKind.NthWeekday, -1, DayOfWeek.Thursday, 0, "15:00", null)]
    [InlineData("每月15日 09:00 党员活动室", ThemedDayRuleKind.DayOfMonth, 0, DayOfWeek.Sunday, 15, "09:00", "党员活动室")]
    [InlineData("每月二十号 16：00", ThemedDayRuleKind.DayOfMonth, 0, DayOfWeek.Sunday, 20, "16:00", null)]
    [InlineData("每月三十一日", ThemedDayRuleKind.DayOfMonth, 0, DayOfWeek.Sunday, 31, "15:00", null)]
    public void ParseThemedDay_ReadableRule_ReturnsRule(string text, ThemedDayRuleKind kind, int ordinal, DayOfWeek weekday, int day, string time, string? place)
    {
        var (rule, error) = SettingsCommandParser.ParseThemedDay(text);

        Assert.Null(error);
        Assert.NotNull(rule);
        Assert.Equal(kind, rule.Kind);
        Assert.Equal(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), rule.Time);
        Assert.Equal(place, rule.Place);
        if (kind == ThemedDayRuleKind.NthWeekday)
        {
            Assert.Equal(ordinal, rule.Ordinal);
            Assert.Equal(weekday, rule.Weekday);
        }
        else
        {
            Assert.Equal(day, rule.Day);
        }
    }

    [Fact]
    public void ParseThemedDay_ExplicitDates_ReadsEveryDate()
    {
        var (rule, error) = SettingsCommandParser.ParseThemedDay("2026-12-04、2027年1月8日 15:30 会议室");

        Assert.Null(error);
        Assert.Equal(ThemedDayRuleKind.Dates, rule!.Kind);
        Assert.Equal([new DateOnly(2026, 12, 4), new DateOnly(2027, 1, 8)], rule.Dates);
        Assert.Equal(new TimeOnly(15, 30), rule.Time);
        Assert.Equal("会议室", rule.Place);
    }

    [Theory]
    [InlineData("每月第八个周五", "每月最多有5个星期五")]
    [InlineData("每月第六个星期一 15:00", "每月最多有5个星期一")]
    [InlineData("每月32日", "每月没有32日")]
    [InlineData("下个月找个时间", "无法识别主题党日规则")]
    [InlineData("每月第一个周五 25:00", "无法识别时间")]
    [InlineData("", "无法识别主题党日规则")]
    public void ParseThemedDay_UnreadableRule_ExplainsWithExample(string text, string expected)
    {
        var (rule, error) = SettingsCommandParser.ParseThemedDay(text);

        Assert.Null(rule);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("示例", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("设置党费日 每月1日 20日", true)]
    [InlineData("设置党费日 每月5日、25日", true)]
    [InlineData("设置党费日 每月20日 1日", false)]
    [InlineData("设置党费日 每月40日", false)]
    [InlineData("设置免打扰 21:30-08:00", true)]
    [InlineData("设置免打扰 晚上", false)]
    [InlineData("设置提醒 提前3天 08:30 当天 08:30", true)]
    [InlineData("设置提醒 提前一周", false)]
    [InlineData("设置依据文件 000 003", true)]
    [InlineData("设置依据文件 全部", true)]
    [InlineData("设置时区 Asia/Shanghai", true)]
    [InlineData("设置节假日提醒 顺延", true)]
    [InlineData("设置节假日提醒 随便", false)]
    [InlineData("设置天气", false)]
    public void Parse_Commands_ReadableOrExplained(string text, bool readable)
    {
        var command = SettingsCommandParser.Parse(text);

        Assert.Equal(readable, command.Apply is not null);
        Assert.Equal(readable, command.Error is null);
    }

    [Fact]
    public void Parse_Leads_AppliesOrderedLeads()
    {
        var command = SettingsCommandParser.Parse("设置提醒 当天 09:00 提前5天 10:00");

        var settings = command.Apply!(new BranchReminderSettings());

        Assert.Equal([new ReminderLead(5, new TimeOnly(10, 0)), new ReminderLead(0, new TimeOnly(9, 0))], settings.Leads);
    }

    [Theory]
    [InlineData(ThemedDayRuleKind.NthWeekday, 1, DayOfWeek.Friday, 0, 2026, 11, "2026-11-06")]
    [InlineData(ThemedDayRuleKind.NthWeekday, 1, DayOfWeek.Sunday, 0, 2026, 11, "2026-11-01")]
    [InlineData(ThemedDayRuleKind.NthWeekday, -1, DayOfWeek.Thursday, 0, 2026, 2, "2026-02-26")]
    [InlineData(ThemedDayRuleKind.NthWeekday, 5, DayOfWeek.Friday, 0, 2026, 2, null)]
    [InlineData(ThemedDayRuleKind.NthWeekday, 5, DayOfWeek.Thursday, 0, 2026, 10, "2026-10-29")]
    [InlineData(ThemedDayRuleKind.DayOfMonth, 0, DayOfWeek.Sunday, 31, 2026, 2, "2026-02-28")]
    [InlineData(ThemedDayRuleKind.DayOfMonth, 0, DayOfWeek.Sunday, 31, 2028, 2, "2028-02-29")]
    [InlineData(ThemedDayRuleKind.DayOfMonth, 0, DayOfWeek.Sunday, 31, 2026, 4, "2026-04-30")]
    public void DatesIn_Rule_GivesTheMonthsThemedDay(ThemedDayRuleKind kind, int ordinal, DayOfWeek weekday, int day, int year, int month, string? expected)
    {
        var rule = new ThemedDayRule { Kind = kind, Ordinal = ordinal, Weekday = weekday, Day = day };

        var dates = rule.DatesIn(year, month);

        Assert.Equal(expected is null ? [] : [DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)], dates);
    }

    [Theory]
    [InlineData("21:30", "08:00", "21:29", false)]
    [InlineData("21:30", "08:00", "21:30", true)]
    [InlineData("21:30", "08:00", "00:00", true)]
    [InlineData("21:30", "08:00", "07:59", true)]
    [InlineData("21:30", "08:00", "08:00", false)]
    [InlineData("12:00", "14:00", "13:00", true)]
    [InlineData("12:00", "14:00", "14:30", false)]
    public void QuietHoursContains_WrappingAndPlainWindows(string start, string end, string time, bool expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var quiet = new QuietHours(TimeOnly.Parse(start, culture), TimeOnly.Parse(end, culture));

        Assert.Equal(expected, quiet.Contains(TimeOnly.Parse(time, culture)));
    }

    [Theory]
    [InlineData("2026-11-23T22:15:00", "2026-11-24T08:00:00")]
    [InlineData("2026-11-24T03:00:00", "2026-11-24T08:00:00")]
    [InlineData("2026-11-24T09:00:00", "2026-11-24T09:00:00")]
    public void QuietHoursNextAllowed_InsideWindow_MovesToItsEnd(string local, string expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var quiet = new BranchReminderSettings().QuietHours;

        Assert.Equal(DateTime.Parse(expected, culture), quiet.NextAllowed(DateTime.Parse(local, culture)));
    }
}
