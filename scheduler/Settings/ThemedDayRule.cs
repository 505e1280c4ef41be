namespace PartyAffairs.Scheduler.Settings;

/// <summary>The branch's themed-day rule: which day of each month, at what time and where.</summary>
public sealed record ThemedDayRule
{
    /// <summary>The kind of rule.</summary>
    public required ThemedDayRuleKind Kind { get; init; }

    /// <summary>For <see cref="ThemedDayRuleKind.NthWeekday"/>: 1…5, or -1 for the last such weekday of the month.</summary>
    public int Ordinal { get; init; }

    /// <summary>For <see cref="ThemedDayRuleKind.NthWeekday"/>: the weekday.</summary>
    public DayOfWeek Weekday { get; init; }

    /// <summary>For <see cref="ThemedDayRuleKind.DayOfMonth"/>: 1…31.</summary>
    public int Day { get; init; }

    /// <summary>For <see cref="ThemedDayRuleKind.Dates"/>: the dates.</summary>
    public IReadOnlyList<DateOnly> Dates { get; init; } = [];

    /// <summary>Start time, local to the branch.</summary>
    public TimeOnly Time { get; init; } = new(15, 0);

    /// <summary>Where it takes place, if set.</summary>
    public string? Place { get; init; }

    /// <summary>The themed days of one month (none, one, or for explicit dates several).</summary>
    public IReadOnlyList<DateOnly> DatesIn(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var days = DateTime.DaysInMonth(year, month);
        switch (Kind)
        {
            case ThemedDayRuleKind.DayOfMonth:
                return [new DateOnly(year, month, Math.Min(Day, days))];
            case ThemedDayRuleKind.Dates:
                return Dates.Where(d => d.Year == year && d.Month == month).Order().ToArray();
            default:
                if (Ordinal == -1)
                {
                    var last = new DateOnly(year, month, days);
                    return [last.AddDays(-(((int)last.DayOfWeek - (int)Weekday + 7) % 7))];
                }

                var firstMatch = first.AddDays(((int)Weekday - (int)first.DayOfWeek + 7) % 7);
                var date = firstMatch.AddDays(7 * (Ordinal - 1));
                return date.Month == month ? [date] : [];
        }
    }
}
