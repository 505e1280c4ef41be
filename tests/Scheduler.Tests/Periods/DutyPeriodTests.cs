using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Scheduler.Tests.Periods;

public sealed class DutyPeriodTests
{
    [Theory]
    [InlineData(PeriodUnit.Month, "2026-02-28", "2026-02", "2026-02-01", "2026-02-28")]
    [InlineData(PeriodUnit.Month, "2024-02-29", "2024-02", "2024-02-01", "2024-02-29")]
    [InlineData(PeriodUnit.Month, "2026-12-31", "2026-12", "2026-12-01", "2026-12-31")]
    [InlineData(PeriodUnit.TwoMonths, "2026-04-30", "2026-B2", "2026-03-01", "2026-04-30")]
    [InlineData(PeriodUnit.Quarter, "2026-10-01", "2026-Q4", "2026-10-01", "2026-12-31")]
    [InlineData(PeriodUnit.Quarter, "2026-03-31", "2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData(PeriodUnit.HalfYear, "2026-07-01", "2026-H2", "2026-07-01", "2026-12-31")]
    [InlineData(PeriodUnit.HalfYear, "2026-06-30", "2026-H1", "2026-01-01", "2026-06-30")]
    [InlineData(PeriodUnit.Year, "2026-11-23", "2026", "2026-01-01", "2026-12-31")]
    [InlineData(PeriodUnit.Week, "2026-11-23", "2026-W48", "2026-11-23", "2026-11-29")]
    [InlineData(PeriodUnit.Week, "2027-01-01", "2026-W53", "2026-12-28", "2027-01-03")]
    public void Containing_Date_GivesCalendarPeriod(PeriodUnit unit, string date, string key, string start, string end)
    {
        var period = DutyPeriod.Containing(unit, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(key, period.Key);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }

    [Fact]
    public void Containing_InstantNearMidnightUtc_UsesShanghaiDate()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        // 2026-09-30 17:00 UTC is already 1 October in Shanghai: the next quarter.
        var period = DutyPeriod.Containing(PeriodUnit.Quarter, new DateTimeOffset(2026, 9, 30, 17, 0, 0, TimeSpan.Zero), zone);

        Assert.Equal("2026-Q4", period.Key);
    }

    [Fact]
    public void NextAndPrevious_AcrossYearBoundary_StepOnePeriod()
    {
        var q4 = DutyPeriod.Containing(PeriodUnit.Quarter, new DateOnly(2026, 11, 23));

        Assert.Equal("2027-Q1", q4.Next().Key);
        Assert.Equal("2026-Q3", q4.Previous().Key);
        Assert.True(q4.Next() > q4);
    }

    [Theory]
    [InlineData("P1W", PeriodUnit.Week)]
    [InlineData("P1M", PeriodUnit.Month)]
    [InlineData("P2M", PeriodUnit.TwoMonths)]
    [InlineData("P3M", PeriodUnit.Quarter)]
    [InlineData("P6M", PeriodUnit.HalfYear)]
    [InlineData("P1Y", PeriodUnit.Year)]
    public void TryGetUnit_KnownPeriod_MapsToUnit(string iso, PeriodUnit expected)
    {
        Assert.True(DutyPeriod.TryGetUnit(iso, out var unit));
        Assert.Equal(expected, unit);
    }

    [Theory]
    [InlineData("P30D")]
    [InlineData("")]
    [InlineData("monthly")]
    public void TryGetUnit_EventRelativeOrUnknown_ReturnsFalse(string iso)
    {
        Assert.False(DutyPeriod.TryGetUnit(iso, out _));
    }

    [Theory]
    [InlineData(PeriodUnit.Week)]
    [InlineData(PeriodUnit.Month)]
    [InlineData(PeriodUnit.TwoMonths)]
    [InlineData(PeriodUnit.Quarter)]
    [InlineData(PeriodUnit.HalfYear)]
    [InlineData(PeriodUnit.Year)]
    public void TryParse_EveryKeyOfSeveralYears_ReadsBackTheSamePeriod(PeriodUnit unit)
    {
        for (var period = DutyPeriod.Containing(unit, new DateOnly(2024, 1, 1)); period.Start.Year < 2029; period = period.Next())
        {
            Assert.True(DutyPeriod.TryParse(period.Key, out var read), period.Key);
            Assert.Equal(period, read);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("202")]
    [InlineData("2026-")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("2026-H3")]
    [InlineData("2026-B7")]
    [InlineData("2025-W53")] // 2025 has 52 ISO weeks
    [InlineData("2026-W1")]
    [InlineData("2026-X1")]
    [InlineData("2026-11-01")]
    [InlineData("二〇二六")]
    public void TryParse_NotAPeriodKey_False(string key)
    {
        Assert.False(DutyPeriod.TryParse(key, out _));
    }
}
