using System.Text;
using PartyAffairs.Scheduler.Calendar;

namespace PartyAffairs.Scheduler.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.LoadDefault();

    [Theory]
    [InlineData("2026-01-01", false)] // 元旦
    [InlineData("2026-01-02", false)] // 元旦, a Friday
    [InlineData("2026-01-04", true)]  // 调休 Sunday
    [InlineData("2026-02-14", true)]  // 调休 Saturday before 春节
    [InlineData("2026-02-16", false)] // 春节 Monday
    [InlineData("2026-02-23", false)] // last day of 春节
    [InlineData("2026-02-24", true)]  // ordinary Tuesday
    [InlineData("2026-02-28", true)]  // 调休 Saturday after 春节
    [InlineData("2026-03-01", false)] // ordinary Sunday
    [InlineData("2026-10-01", false)] // 国庆节
    [InlineData("2026-10-10", true)]  // 调休 Saturday
    [InlineData("2026-11-23", true)]  // ordinary Monday
    [InlineData("2025-01-28", false)] // 春节 2025
    [InlineData("2025-12-27", false)] // ordinary Saturday
    public void IsWorkingDay_TableDates_FollowHolidaysAndAdjustedWorkdays(string date, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-10-05", HolidayShift.Previous, "2026-09-30")]
    [InlineData("2026-10-05", HolidayShift.Next, "2026-10-08")]
    [InlineData("2026-10-05", HolidayShift.None, "2026-10-05")]
    [InlineData("2026-02-22", HolidayShift.Previous, "2026-02-14")] // the whole 春节 block back to the 调休 Saturday
    [InlineData("2026-02-15", HolidayShift.Previous, "2026-02-14")] // lands on the 调休 Saturday
    [InlineData("2026-03-01", HolidayShift.Previous, "2026-02-28")] // Sunday → 调休 Saturday, not Friday
    [InlineData("2026-01-03", HolidayShift.Next, "2026-01-04")]     // → 调休 Sunday
    [InlineData("2026-11-24", HolidayShift.Previous, "2026-11-24")] // already a working day
    public void Shift_DayOff_MovesToWorkingDay(string date, HolidayShift shift, string expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(DateOnly.Parse(expected, culture), Calendar.Shift(DateOnly.Parse(date, culture), shift));
    }

    [Fact]
    public void HasDataFor_ShippedTable_Covers2025And2026Only()
    {
        Assert.True(Calendar.HasDataFor(2025));
        Assert.True(Calendar.HasDataFor(2026));
        Assert.False(Calendar.HasDataFor(2027));
    }

    [Fact]
    public void HolidayName_HolidayAndWorkingDay_NamesOnlyTheHoliday()
    {
        Assert.Equal("国庆节", Calendar.HolidayName(new DateOnly(2026, 10, 2)));
        Assert.Null(Calendar.HolidayName(new DateOnly(2026, 10, 10)));
    }

    [Theory]
    [InlineData("2027-01-01", false, "元旦")]   // a Friday: 元旦 computed from the law
    [InlineData("2027-01-02", false, null)]    // an ordinary Saturday
    [InlineData("2027-01-04", true, null)]     // Monday
    [InlineData("2027-02-05", false, "春节")]   // 除夕, a Friday
    [InlineData("2027-02-08", false, "春节")]   // 正月初三, a Monday
    [InlineData("2027-02-09", true, null)]     // no bridging days without the notice
    [InlineData("2027-04-05", false, "清明节")]  // the solar term, a Monday
    [InlineData("2027-05-03", true, null)]     // 劳动节 is 5月1日、2日 only
    [InlineData("2027-06-09", false, "端午节")]
    [InlineData("2027-09-15", false, "中秋节")]
    [InlineData("2027-10-04", true, null)]     // 国庆节 is 10月1日至3日 only
    [InlineData("2031-10-01", false, "中秋节、国庆节")] // 中秋 on 国庆: one day, both names
    public void IsWorkingDay_YearWithoutNotice_StatutoryDaysOffAndWeekdaysOtherwise(string date, bool working, string? holiday)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(working, Calendar.IsWorkingDay(day));
        Assert.Equal(!working, Calendar.IsDayOff(day));
        Assert.Equal(holiday, Calendar.HolidayName(day));
        Assert.True(Calendar.IsProvisional(day.Year));
        Assert.False(Calendar.IsAdjustedWorkday(day));
    }

    [Fact]
    public void Year_WithAndWithoutNotice_ShippedOrComputedAndProvisional()
    {
        var shipped = Calendar.Year(2026);
        var computed = Calendar.Year(2027);

        Assert.Equal((HolidayDataOrigin.Shipped, false), (shipped.Origin, shipped.Provisional));
        Assert.Contains("2026年部分节假日安排", shipped.Source, StringComparison.Ordinal);
        Assert.Equal(6, shipped.Workdays.Count);
        Assert.Equal((HolidayDataOrigin.Computed, true), (computed.Origin, computed.Provisional));
        Assert.Equal(13, computed.Holidays.Sum(h => h.Dates.Count));
        Assert.Empty(computed.Workdays);
        Assert.False(Calendar.IsProvisional(2026));
    }

    [Theory]
    [InlineData("2027-01-01", "2026-12-31", "2027-01-04")] // 元旦 computed: Thursday before, Monday after
    [InlineData("2026-10-05", "2026-09-30", "2026-10-08")] // inside 国庆节 2026
    [InlineData("2026-02-15", "2026-02-14", "2026-02-24")] // 春节 2026: the 调休 Saturday before
    [InlineData("2026-11-24", "2026-11-24", "2026-11-24")] // a working day is its own nearest
    public void NearestWorkingDays_Date_WorkingDaysOnEitherSide(string date, string before, string after)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        var nearest = Calendar.NearestWorkingDays(DateOnly.Parse(date, culture));

        Assert.Equal((DateOnly.Parse(before, culture), DateOnly.Parse(after, culture)), nearest);
    }

    [Theory]
    [InlineData("2026-09-17", "2026-10-08")] // two weeks on is 国庆节: the first working day after it
    [InlineData("2026-12-18", "2027-01-04")] // 元旦 2027 computed, then a weekend
    [InlineData("2027-01-25", "2027-02-09")] // 春节 2027 computed
    [InlineData("2026-11-23", "2026-12-07")]
    public void ExampleDate_Today_AWorkingDayTwoWeeksOrMoreAhead(string today, string expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        var example = Calendar.ExampleDate(DateOnly.Parse(today, culture));

        Assert.Equal(DateOnly.Parse(expected, culture), example);
        Assert.True(Calendar.IsWorkingDay(example));
    }

    [Fact]
    public void ApplyLoadedNotices_NoticeForAComputedYear_ReplacesTheComputedDaysUntilWithdrawn()
    {
        var calendar = WorkingCalendar.LoadDefault();
        Assert.Null(HolidayNoticeJson.Read(SampleNotice.For2027().ToJsonString(), 2027, out var notice));

        calendar.ApplyLoadedNotices([notice!]);

        Assert.True(calendar.HasDataFor(2027));
        Assert.False(calendar.IsProvisional(2027));
        Assert.Equal(HolidayDataOrigin.Loaded, calendar.Year(2027).Origin);
        Assert.Equal(SampleNotice.Source, calendar.Year(2027).Source);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 9)));  // a bridging day of the notice
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 20)));  // its 调休 Saturday
        Assert.True(calendar.IsAdjustedWorkday(new DateOnly(2027, 2, 20)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 10, 4)));
        Assert.Equal("国庆节", calendar.HolidayName(new DateOnly(2027, 10, 6)));
        Assert.Equal(new DateOnly(2027, 2, 12), calendar.Shift(new DateOnly(2027, 2, 8), HolidayShift.Next));

        calendar.ApplyLoadedNotices([]);

        Assert.True(calendar.IsProvisional(2027));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 9)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 20)));
    }

    [Fact]
    public void ApplyLoadedNotices_NoticeForAShippedYear_WinsOverTheTable()
    {
        var calendar = WorkingCalendar.LoadDefault();
        var corrected = calendar.Year(2026) with { Source = "更正", Workdays = [] };

        calendar.ApplyLoadedNotices([corrected]);

        Assert.Equal(HolidayDataOrigin.Loaded, calendar.Year(2026).Origin);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 1, 4))); // the 调休 Sunday is gone
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 2)));
        Assert.True(WorkingCalendar.LoadDefault().IsWorkingDay(new DateOnly(2026, 1, 4)));
    }

    [Theory]
    [InlineData("{}", "years")]
    [InlineData("{\"years\":{\"20x6\":{}}}", "not a year")]
    [InlineData("{\"years\":{\"2027\":{\"holidays\":[{\"name\":\"元旦\",\"dates\":[\"2027-13-01\"]}]}}}", "not a yyyy-MM-dd date")]
    [InlineData("{\"years\":{\"2027\":{\"workdays\":[{\"name\":\"春节\",\"date\":\"2027-02-03\"}]}}}", "not a weekend day")]
    [InlineData("{\"years\":{\"2027\":{\"holidays\":[{\"dates\":[\"2027-01-01\"]}]}}}", "no \"name\"")]
    [InlineData("not json", "not valid JSON")]
    public void Parse_MalformedTable_ThrowsNamingTheProblem(string json, string expected)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var error = Assert.Throws<FormatException>(() => WorkingCalendar.Parse(stream));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
