using System.Globalization;
using PartyAffairs.Scheduler.Calendar;

namespace PartyAffairs.Scheduler.Tests.Calendar;

public sealed class StatutoryHolidaysTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly[] Of(int year, string holiday) => [.. StatutoryHolidays.Days(year).Where(d => d.Holiday == holiday).Select(d => d.Date)];

    /// <summary>
    /// 除夕, 正月初一, 清明, 端午, 中秋 for 2025–2035, from the almanac (lunar-javascript 1.7.7 agrees with .NET's
    /// ChineseLunisolarCalendar on every year 2025–2100).
    /// </summary>
    [Theory]
    [InlineData(2025, "2025-01-28", "2025-01-29", "2025-04-04", "2025-05-31", "2025-10-06")] // 除夕 腊月二十九; 闰六月 before 中秋
    [InlineData(2026, "2026-02-16", "2026-02-17", "2026-04-05", "2026-06-19", "2026-09-25")] // 除夕 腊月二十九
    [InlineData(2027, "2027-02-05", "2027-02-06", "2027-04-05", "2027-06-09", "2027-09-15")]
    [InlineData(2028, "2028-01-25", "2028-01-26", "2028-04-04", "2028-05-28", "2028-10-03")] // 闰五月: 端午 on the regular 五月
    [InlineData(2029, "2029-02-12", "2029-02-13", "2029-04-04", "2029-06-16", "2029-09-22")]
    [InlineData(2030, "2030-02-02", "2030-02-03", "2030-04-05", "2030-06-05", "2030-09-12")] // 除夕 腊月三十
    [InlineData(2031, "2031-01-22", "2031-01-23", "2031-04-05", "2031-06-24", "2031-10-01")] // 闰三月 before 端午; 中秋 on 国庆
    [InlineData(2032, "2032-02-10", "2032-02-11", "2032-04-04", "2032-06-12", "2032-09-19")]
    [InlineData(2033, "2033-01-30", "2033-01-31", "2033-04-04", "2033-06-01", "2033-09-08")] // 闰十一月 (the 2033 problem)
    [InlineData(2034, "2034-02-18", "2034-02-19", "2034-04-05", "2034-06-20", "2034-09-27")] // 除夕 ends a year with a leap month
    [InlineData(2035, "2035-02-07", "2035-02-08", "2035-04-05", "2035-06-10", "2035-09-16")]
    [InlineData(2052, "2052-01-31", "2052-02-01", "2052-04-04", "2052-06-01", "2052-09-07")] // 闰八月: 中秋 on the regular 八月
    [InlineData(2100, "2100-02-08", "2100-02-09", "2100-04-05", "2100-06-12", "2100-09-18")] // the last year served
    public void Days_Year_LunarAndSolarTermDaysOnTheAlmanacsDates(int year, string eve, string newYear, string qingming, string dragonBoat, string midAutumn)
    {
        Assert.Equal([D(eve), D(newYear), D(newYear).AddDays(1), D(newYear).AddDays(2)], Of(year, StatutoryHolidays.SpringFestival));
        Assert.Equal([D(qingming)], Of(year, StatutoryHolidays.Qingming));
        Assert.Equal([D(dragonBoat)], Of(year, StatutoryHolidays.DragonBoat));
        Assert.Equal([D(midAutumn)], Of(year, StatutoryHolidays.MidAutumn));
        Assert.Equal([new DateOnly(year, 1, 1)], Of(year, StatutoryHolidays.NewYear));
        Assert.Equal([new DateOnly(year, 5, 1), new DateOnly(year, 5, 2)], Of(year, StatutoryHolidays.LabourDay));
        Assert.Equal([new DateOnly(year, 10, 1), new DateOnly(year, 10, 2), new DateOnly(year, 10, 3)], Of(year, StatutoryHolidays.NationalDay));
    }

    [Theory]
    [InlineData(2025, 12, 29)] // 腊月 of lunar 2024 has 29 days: 除夕 is 腊月二十九
    [InlineData(2026, 13, 29)] // lunar 2025 has 闰六月: its 腊月 is month 13
    [InlineData(2030, 12, 30)]
    [InlineData(2034, 13, 30)] // lunar 2033 has a leap month: its 腊月 is month 13
    public void Days_SpringFestivalEve_IsTheLastDayOfTheTwelfthMonth(int year, int monthIndex, int lastDay)
    {
        var lunar = new ChineseLunisolarCalendar();
        var eve = Of(year, StatutoryHolidays.SpringFestival)[0];

        Assert.Equal(monthIndex, lunar.GetMonth(eve.ToDateTime(TimeOnly.MinValue)));
        Assert.Equal(lastDay, lunar.GetDayOfMonth(eve.ToDateTime(TimeOnly.MinValue)));
        Assert.Equal(lastDay, lunar.GetDaysInMonth(year - 1, monthIndex));
    }

    [Theory]
    [InlineData(2028, 5, "2028-05-28", "2028-06-27")] // 闰五月 2028: 五月初五 and 闰五月初五 differ
    [InlineData(2052, 8, "2052-09-07", "2052-10-07")] // 闰八月 2052
    public void LunarDate_YearWithTheMonthLeapt_TakesTheRegularMonth(int year, int month, string regular, string leap)
    {
        var lunar = new ChineseLunisolarCalendar();
        var day = month == 5 ? 5 : 15;

        Assert.Equal(month + 1, lunar.GetLeapMonth(year));
        Assert.Equal(D(regular), StatutoryHolidays.LunarDate(year, month, day));
        Assert.Equal(D(leap), DateOnly.FromDateTime(lunar.ToDateTime(year, month + 1, day, 0, 0, 0, 0)));
    }

    [Fact]
    public void Compute_Year_ThirteenProvisionalDaysInSevenHolidaysAndNoWorkdays()
    {
        var year = StatutoryHolidays.Compute(2027);

        Assert.True(year.Provisional);
        Assert.Equal(HolidayDataOrigin.Computed, year.Origin);
        Assert.Equal(StatutoryHolidays.Names, year.Holidays.Select(h => h.Name));
        Assert.Equal(13, year.Holidays.Sum(h => h.Dates.Count));
        Assert.Empty(year.Workdays);
        Assert.Contains("全国年节及纪念日放假办法", year.Source, StringComparison.Ordinal);
    }

    /// <summary>Every year of the shipped table (at least 2025 and 2026), for a notice added to it later too.</summary>
    public static TheoryData<int> ShippedYears()
    {
        var years = WorkingCalendar.LoadDefault().Years.Where(StatutoryHolidays.Covers).Order().ToArray();
        Assert.Superset(new HashSet<int> { 2025, 2026 }, years.ToHashSet());
        return new TheoryData<int>(years);
    }

    /// <summary>The official notices: every computed statutory day lies in the official block of the same name.</summary>
    [Theory]
    [MemberData(nameof(ShippedYears))]
    public void Days_YearWithANotice_EachStatutoryDayInsideTheOfficialBlockOfTheSameName(int year)
    {
        var official = WorkingCalendar.LoadDefault().Year(year);
        Assert.Equal(HolidayDataOrigin.Shipped, official.Origin);

        foreach (var day in StatutoryHolidays.Days(year))
        {
            var block = Assert.Single(official.Holidays, b => b.Name.Split('、').Contains(day.Holiday));
            Assert.True(block.Dates.Contains(day.Date), $"{day.Holiday} {day.Date:yyyy-MM-dd} ({day.Rule}) is not in the official block {block.Name}");
        }
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2101)]
    public void Days_YearOutsideTheLawsRange_Refused(int year)
    {
        Assert.False(StatutoryHolidays.Covers(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryHolidays.Days(year));
    }
}
