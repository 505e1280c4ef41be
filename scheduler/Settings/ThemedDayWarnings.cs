using PartyAffairs.Scheduler.Calendar;

namespace PartyAffairs.Scheduler.Settings;

/// <summary>
/// Warnings for a themed-day rule whose coming days fall on a day off (a holiday, computed ones included, or a weekend):
/// each names the day off and the nearest working days. Settings are saved all the same; the secretary decides.
/// </summary>
public static class ThemedDayWarnings
{
    /// <summary>How far ahead a rule's days are checked.</summary>
    public const int HorizonMonths = 12;

    /// <summary>At most this many days off are listed; the rest are counted.</summary>
    public const int MaxListed = 6;

    /// <summary>The warnings for <paramref name="rule"/> from <paramref name="today"/> on (explicit dates: all of them); empty when none.</summary>
    public static IReadOnlyList<SettingsWarning> For(ThemedDayRule? rule, DateOnly today, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (rule is null)
        {
            return [];
        }

        var daysOff = Coming(rule, today).Where(calendar.IsDayOff).ToArray();
        var warnings = new List<SettingsWarning>();
        foreach (var day in daysOff.Take(MaxListed))
        {
            var (before, after) = calendar.NearestWorkingDays(day);
            warnings.Add(new SettingsWarning(SettingsWarningCode.DayOff) { Date = day, Holiday = calendar.HolidayName(day), NearestBefore = before, NearestAfter = after });
        }

        if (daysOff.Length > MaxListed)
        {
            warnings.Add(new SettingsWarning(SettingsWarningCode.MoreDaysOff) { Count = daysOff.Length - MaxListed });
        }

        var provisional = daysOff.Take(MaxListed).Where(d => calendar.HolidayName(d) is not null && calendar.IsProvisional(d.Year))
            .Select(d => d.Year).Distinct().Order().ToArray();
        if (provisional.Length > 0)
        {
            warnings.Add(new SettingsWarning(SettingsWarningCode.ProvisionalYears) { Years = provisional });
        }

        return warnings;
    }

    private static IEnumerable<DateOnly> Coming(ThemedDayRule rule, DateOnly today)
    {
        if (rule.Kind == ThemedDayRuleKind.Dates)
        {
            return rule.Dates.Where(d => d >= today).Order();
        }

        var end = today.AddMonths(HorizonMonths);
        var month = new DateOnly(today.Year, today.Month, 1);
        return Enumerable.Range(0, HorizonMonths + 1)
            .Select(month.AddMonths)
            .SelectMany(m => rule.DatesIn(m.Year, m.Month))
            .Where(d => d >= today && d < end);
    }
}
