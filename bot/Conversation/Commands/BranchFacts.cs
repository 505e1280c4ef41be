using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// The branch's own schedule as its secretary set it (<see cref="BranchReminderSettings"/>) on the working calendar: the
/// themed-day rule and its next day (a day off named, with the nearest working days), the dues days. Optional services:
/// a host without the scheduler answers with defaults.
/// </summary>
internal sealed class BranchFacts(IServiceProvider services)
{
    /// <summary>The branch's settings (defaults when never set or when the scheduler is not composed).</summary>
    public async Task<BranchReminderSettings> SettingsAsync(string branchId, CancellationToken cancellationToken) =>
        services.GetService<IBranchSettingsStore>() is { } store
            ? await store.GetAsync(branchId, cancellationToken) ?? new BranchReminderSettings()
            : new BranchReminderSettings();

    /// <summary>The working calendar, when composed.</summary>
    public WorkingCalendar? Calendar => services.GetService<WorkingCalendar>();

    /// <summary>The next themed day on or after <paramref name="today"/> (within a year), or null.</summary>
    public static DateOnly? NextThemedDay(ThemedDayRule rule, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var month = new DateOnly(today.Year, today.Month, 1);
        for (var i = 0; i <= 12; i++)
        {
            var m = month.AddMonths(i);
            foreach (var day in rule.DatesIn(m.Year, m.Month))
            {
                if (day >= today)
                {
                    return day;
                }
            }
        }

        return null;
    }

    /// <summary>The themed day of the month of <paramref name="date"/>, if the rule has one.</summary>
    public static DateOnly? ThemedDayIn(ThemedDayRule rule, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var days = rule.DatesIn(date.Year, date.Month);
        return days.Count > 0 ? days[0] : null;
    }
}
