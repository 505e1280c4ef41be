using System.Globalization;

namespace PartyAffairs.Scheduler.Calendar;

/// <summary>
/// The statutory days off of 《全国年节及纪念日放假办法》 as amended in 2024 (in force from 2025): 元旦 1 day (1月1日),
/// 春节 4 days (农历除夕、正月初一至初三), 清明节 1 day (the 清明 solar term), 劳动节 2 days (5月1日、2日), 端午节 1 day
/// (农历五月初五), 中秋节 1 day (农历八月十五), 国庆节 3 days (10月1日至3日). The State Council's yearly notice adds the
/// bridging days and the adjusted working days (调休), which cannot be computed; a year without a notice uses these days
/// alone and is provisional. Lunar dates come from <see cref="ChineseLunisolarCalendar"/>.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The first year the amended law applies.</summary>
    public const int FirstYear = 2025;

    /// <summary>The last year computed (the lunisolar calendar and the 清明 formula end with 2100).</summary>
    public const int LastYear = SolarTerms.LastYear;

    /// <summary>The law, cited as the source of computed years.</summary>
    public const string Law = "《全国年节及纪念日放假办法》（2024年修订，2025年1月1日起施行）";

    /// <summary>元旦.</summary>
    public const string NewYear = "元旦";

    /// <summary>春节.</summary>
    public const string SpringFestival = "春节";

    /// <summary>清明节.</summary>
    public const string Qingming = "清明节";

    /// <summary>劳动节.</summary>
    public const string LabourDay = "劳动节";

    /// <summary>端午节.</summary>
    public const string DragonBoat = "端午节";

    /// <summary>中秋节.</summary>
    public const string MidAutumn = "中秋节";

    /// <summary>国庆节.</summary>
    public const string NationalDay = "国庆节";

    /// <summary>The statutory holidays in the law's order.</summary>
    public static IReadOnlyList<string> Names { get; } = [NewYear, SpringFestival, Qingming, LabourDay, DragonBoat, MidAutumn, NationalDay];

    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>True for a year whose statutory days can be computed (<see cref="FirstYear"/>–<see cref="LastYear"/>).</summary>
    public static bool Covers(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>The statutory days off of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<StatutoryDay> Days(int year)
    {
        if (!Covers(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Statutory days are computed for {FirstYear}–{LastYear}.");
        }

        var springFestival = LunarDate(year, 1, 1);
        List<StatutoryDay> days =
        [
            new(NewYear, new DateOnly(year, 1, 1), "1月1日"),

            // 除夕 is the last day of the twelfth lunar month, the 29th or the 30th: always the day before 正月初一.
            new(SpringFestival, springFestival.AddDays(-1), "农历除夕"),
            new(SpringFestival, springFestival, "农历正月初一"),
            new(SpringFestival, springFestival.AddDays(1), "农历正月初二"),
            new(SpringFestival, springFestival.AddDays(2), "农历正月初三"),
            new(Qingming, SolarTerms.Qingming(year), "清明节气当日"),
            new(LabourDay, new DateOnly(year, 5, 1), "5月1日"),
            new(LabourDay, new DateOnly(year, 5, 2), "5月2日"),
            new(DragonBoat, LunarDate(year, 5, 5), "农历五月初五"),
            new(MidAutumn, LunarDate(year, 8, 15), "农历八月十五"),
            new(NationalDay, new DateOnly(year, 10, 1), "10月1日"),
            new(NationalDay, new DateOnly(year, 10, 2), "10月2日"),
            new(NationalDay, new DateOnly(year, 10, 3), "10月3日"),
        ];
        return [.. days.OrderBy(d => d.Date)];
    }

    /// <summary>The provisional year computed from the law: one block per statutory holiday, no adjusted working days.</summary>
    public static HolidayYear Compute(int year) => new()
    {
        Year = year,
        Source = Law,
        Origin = HolidayDataOrigin.Computed,
        Holidays = [.. Days(year).GroupBy(d => d.Holiday).OrderBy(g => IndexOf(g.Key)).Select(g => new HolidayBlock(g.Key, [.. g.Select(d => d.Date).Order()]))],
    };

    /// <summary>
    /// The Gregorian date of a day of a regular (not leap) lunar month of the lunar year that begins in
    /// <paramref name="year"/>. In a year with a leap month the calendar numbers months 1–13 and the leap month follows the
    /// month it repeats: <c>GetLeapMonth</c> = 7 means 闰六月 is month 7 and 七月 is month 8.
    /// </summary>
    public static DateOnly LunarDate(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    private static int IndexOf(string holiday) => Names.Select((name, i) => (name, i)).First(p => p.name == holiday).i;
}
