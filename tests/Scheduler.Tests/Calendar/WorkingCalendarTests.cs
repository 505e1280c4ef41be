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

    [Fact]
    public void IsWorkingDay_YearWithoutData_FallsBackToWeekdays()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2027, 1, 1))); // a Friday; no 2027 data, so not known as 元旦
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2027, 1, 2)));
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
