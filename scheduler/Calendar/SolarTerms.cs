namespace PartyAffairs.Scheduler.Calendar;

/// <summary>
/// The 清明 solar term's date in Beijing time, the day the sun's apparent longitude reaches 15°. Computed with the
/// well-known 21st-century formula ⌊Y·0.2422 + C⌋ − L (Y = year − 2000, C = 4.81 for 清明, L = leap days since 2000 up to
/// the date). The leap-day count skips 2100, which is not a leap year; with that correction the formula agrees with an
/// ephemeris (VSOP87) for every year 2001–2100 (the nearest calls are 23:30–00:45 Beijing time, in 2009, 2038, 2042, 2071,
/// 2075 and 2100), checked in <c>SolarTermsTests</c>.
/// </summary>
public static class SolarTerms
{
    /// <summary>The first year the formula serves.</summary>
    public const int FirstYear = 2001;

    /// <summary>The last year the formula serves.</summary>
    public const int LastYear = 2100;

    private const double TropicalYearDays = 0.2422;
    private const double QingmingConstant = 4.81;

    /// <summary>The date of 清明 in <paramref name="year"/> (4 or 5 April in 2001–2100).</summary>
    public static DateOnly Qingming(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        var y = year - 2000;

        // Leap days from 2001 to 清明 of the year (after February): every fourth year, but 2100 is a common year.
        var leapDays = (y / 4) - (year >= 2100 ? 1 : 0);
        var day = (int)Math.Floor((y * TropicalYearDays) + QingmingConstant) - leapDays;
        return new DateOnly(year, 4, day);
    }
}
