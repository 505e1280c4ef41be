using System.Globalization;
using PartyAffairs.Scheduler.Calendar;

namespace PartyAffairs.Scheduler.Tests.Calendar;

public sealed class SolarTermsTests
{
    /// <summary>
    /// The day of April of 清明 (Beijing time) for 2001–2100, one digit a year, from an ephemeris: the 寿星 algorithm of
    /// lunar-javascript 1.7.7 and PyEphem 4.1.4 (VSOP87, sun's apparent longitude 15°) agree on every year.
    /// </summary>
    private const string Ephemeris =
        "55545554455445544554455445544554455445544454445444" +
        "54445444544454445444544444444444444444444444444445";

    [Theory]
    [InlineData(2025, "2025-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-04-05")]
    [InlineData(2028, "2028-04-04")]
    [InlineData(2029, "2029-04-04")]
    [InlineData(2030, "2030-04-05")]
    [InlineData(2009, "2009-04-04")] // 23:34 Beijing time: the 4th, not the 5th
    [InlineData(2038, "2038-04-05")] // 00:29 Beijing time
    [InlineData(2071, "2071-04-05")] // 00:11 Beijing time
    [InlineData(2100, "2100-04-05")] // 2100 is a common year: the plain formula says the 4th
    public void Qingming_KnownYears_MatchesTheAlmanac(int year, string expected)
    {
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), SolarTerms.Qingming(year));
    }

    [Fact]
    public void Qingming_EveryYearServed_MatchesTheEphemeris()
    {
        var wrong = Enumerable.Range(SolarTerms.FirstYear, SolarTerms.LastYear - SolarTerms.FirstYear + 1)
            .Where(year => SolarTerms.Qingming(year) != new DateOnly(year, 4, Ephemeris[year - SolarTerms.FirstYear] - '0'))
            .ToArray();

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(2101)]
    public void Qingming_OutsideTheFormulasCentury_Refused(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SolarTerms.Qingming(year));
    }
}
