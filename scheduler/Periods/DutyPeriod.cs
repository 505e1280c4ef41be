using System.Globalization;

namespace PartyAffairs.Scheduler.Periods;

/// <summary>
/// One calendar period in which a duty is due, such as "2026-11", "2026-Q4", "2026-H2" or "2026".
/// Periods are counted on the calendar, as the documents count them, never as rolling windows.
/// </summary>
public readonly record struct DutyPeriod : IComparable<DutyPeriod>
{
    private DutyPeriod(PeriodUnit unit, DateOnly start, DateOnly endExclusive)
    {
        Unit = unit;
        Start = start;
        EndExclusive = endExclusive;
    }

    /// <summary>The unit of this period.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>The first day of the period.</summary>
    public DateOnly Start { get; }

    /// <summary>The first day after the period.</summary>
    public DateOnly EndExclusive { get; }

    /// <summary>The last day of the period.</summary>
    public DateOnly End => EndExclusive.AddDays(-1);

    /// <summary>A stable key for storage and display: 2026-W47, 2026-11, 2026-B6, 2026-Q4, 2026-H2, 2026.</summary>
    public string Key => Unit switch
    {
        PeriodUnit.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):00}"),
        PeriodUnit.Month => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-{Start.Month:00}"),
        PeriodUnit.TwoMonths => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-B{(Start.Month + 1) / 2}"),
        PeriodUnit.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-Q{(Start.Month + 2) / 3}"),
        PeriodUnit.HalfYear => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-H{(Start.Month + 5) / 6}"),
        PeriodUnit.Year => Start.Year.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unknown unit {Unit}."),
    };

    /// <summary>The period of <paramref name="unit"/> that contains <paramref name="date"/>.</summary>
    public static DutyPeriod Containing(PeriodUnit unit, DateOnly date)
    {
        switch (unit)
        {
            case PeriodUnit.Week:
                var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
                return new DutyPeriod(unit, monday, monday.AddDays(7));
            case PeriodUnit.Year:
                return new DutyPeriod(unit, new DateOnly(date.Year, 1, 1), new DateOnly(date.Year + 1, 1, 1));
            default:
                var months = MonthsIn(unit);
                var first = new DateOnly(date.Year, ((date.Month - 1) / months * months) + 1, 1);
                return new DutyPeriod(unit, first, first.AddMonths(months));
        }
    }

    /// <summary>The period that contains <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DutyPeriod Containing(PeriodUnit unit, DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Containing(unit, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime));
    }

    /// <summary>Maps an ISO 8601 duty period (P1W, P1M, P2M, P3M, P6M, P1Y) to its calendar unit.</summary>
    public static bool TryGetUnit(string isoPeriod, out PeriodUnit unit)
    {
        unit = isoPeriod switch
        {
            "P1W" or "P7D" => PeriodUnit.Week,
            "P1M" => PeriodUnit.Month,
            "P2M" => PeriodUnit.TwoMonths,
            "P3M" => PeriodUnit.Quarter,
            "P6M" => PeriodUnit.HalfYear,
            "P1Y" or "P12M" => PeriodUnit.Year,
            _ => (PeriodUnit)(-1),
        };
        return Enum.IsDefined(unit);
    }

    /// <summary>
    /// Reads a <see cref="Key"/> back (2026-W47, 2026-11, 2026-B6, 2026-Q4, 2026-H2, 2026); false for anything else,
    /// including keys of periods that do not exist (2026-13, 2026-W54).
    /// </summary>
    public static bool TryParse(string? key, out DutyPeriod period)
    {
        period = default;
        if (key is not { Length: >= 4 } || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            return false;
        }

        if (key.Length == 4)
        {
            period = Containing(PeriodUnit.Year, new DateOnly(year, 1, 1));
            return true;
        }

        if (key.Length < 7 || key[4] != '-')
        {
            return false;
        }

        var letter = char.IsAsciiDigit(key[5]) ? (char?)null : key[5];
        var digits = key.AsSpan(letter is null ? 5 : 6);
        if (digits.Length is < 1 or > 2 || (letter is null && digits.Length != 2)
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            return false;
        }

        (PeriodUnit Unit, int Month)? found = letter switch
        {
            null when n <= 12 => (PeriodUnit.Month, n),
            'B' when n <= 6 => (PeriodUnit.TwoMonths, (n * 2) - 1),
            'Q' when n <= 4 => (PeriodUnit.Quarter, (n * 3) - 2),
            'H' when n <= 2 => (PeriodUnit.HalfYear, (n * 6) - 5),
            'W' when digits.Length == 2 && n <= ISOWeek.GetWeeksInYear(year) => (PeriodUnit.Week, 0),
            _ => null,
        };
        if (found is not var (unit, month))
        {
            return false;
        }

        var start = unit == PeriodUnit.Week ? DateOnly.FromDateTime(ISOWeek.ToDateTime(year, n, DayOfWeek.Monday)) : new DateOnly(year, month, 1);
        period = Containing(unit, start);
        return period.Key == key;
    }

    /// <summary>The period right after this one.</summary>
    public DutyPeriod Next() => Containing(Unit, EndExclusive);

    /// <summary>The period right before this one.</summary>
    public DutyPeriod Previous() => Containing(Unit, Start.AddDays(-1));

    /// <summary>True when <paramref name="date"/> falls in this period.</summary>
    public bool Contains(DateOnly date) => date >= Start && date < EndExclusive;

    /// <inheritdoc />
    public int CompareTo(DutyPeriod other) => Start.CompareTo(other.Start) is var c and not 0 ? c : Unit.CompareTo(other.Unit);

    /// <inheritdoc />
    public override string ToString() => Key;

    /// <summary>Orders periods by start.</summary>
    public static bool operator <(DutyPeriod left, DutyPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Orders periods by start.</summary>
    public static bool operator <=(DutyPeriod left, DutyPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Orders periods by start.</summary>
    public static bool operator >(DutyPeriod left, DutyPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Orders periods by start.</summary>
    public static bool operator >=(DutyPeriod left, DutyPeriod right) => left.CompareTo(right) >= 0;

    private static int MonthsIn(PeriodUnit unit) => unit switch
    {
        PeriodUnit.Month => 1,
        PeriodUnit.TwoMonths => 2,
        PeriodUnit.Quarter => 3,
        PeriodUnit.HalfYear => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not a month-based unit."),
    };
}
