using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Planning;

namespace PartyAffairs.Scheduler.Settings;

/// <summary>
/// Changes a branch's reminder settings, whoever asks (the host's chat commands, the admin API): validate against today and
/// the corpus, store only valid settings (the previous ones stay otherwise), and refresh the branch's triggers. A themed day
/// newly set on days off is saved with warnings naming them and the nearest working days. Outcomes are typed; the host
/// words them.
/// </summary>
public sealed class BranchSettingsService(
    IBranchSettingsStore store,
    BranchDutyCatalogs catalogs,
    ReminderCoordinator coordinator,
    IEnumerable<IReminderTriggers> triggers,
    WorkingCalendar calendar,
    TimeProvider time)
{
    /// <summary>The branch's settings (defaults when never set).</summary>
    public async Task<BranchReminderSettings> GetAsync(string branchId, CancellationToken cancellationToken) =>
        await store.GetAsync(branchId, cancellationToken) ?? new BranchReminderSettings();

    /// <summary>A working day to show in examples to a branch with <paramref name="settings"/>: two weeks or more from its today.</summary>
    public DateOnly ExampleDate(BranchReminderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return calendar.ExampleDate(Today(settings.Zone()));
    }

    /// <summary>
    /// Stores <paramref name="next"/> in place of <paramref name="current"/> (as read by <see cref="GetAsync"/>) when valid.
    /// A themed-day rule that is not <paramref name="current"/>'s own object is new: its coming days off are warned about.
    /// </summary>
    public async Task<SettingsOutcome> SaveAsync(string branchId, BranchReminderSettings current, BranchReminderSettings next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        next = BranchSettingsValidator.Normalize(next);
        var zone = BranchSettingsValidator.IsIanaZone(next.TimeZone) ? next.Zone() : current.Zone();
        var today = Today(zone);
        if (BranchSettingsValidator.Validate(next, today, catalogs.DocumentIds, calendar) is { } error)
        {
            return new SettingsOutcome(false, current) { Error = error };
        }

        var themedDaySet = next.ThemedDay is not null && !ReferenceEquals(next.ThemedDay, current.ThemedDay);
        var warnings = themedDaySet ? ThemedDayWarnings.For(next.ThemedDay, today, calendar) : [];

        await store.SaveAsync(branchId, next, cancellationToken);
        foreach (var trigger in triggers)
        {
            await trigger.RefreshAsync(branchId, cancellationToken);
        }

        return new SettingsOutcome(true, next) { Warnings = warnings };
    }

    /// <summary>Replaces the settings (admin API); refused settings leave the stored ones unchanged.</summary>
    public async Task<SettingsOutcome> ReplaceAsync(string branchId, BranchReminderSettings settings, CancellationToken cancellationToken) =>
        await SaveAsync(branchId, await GetAsync(branchId, cancellationToken), settings, cancellationToken);

    /// <summary>The branch's reminders due in the coming <paramref name="horizon"/>, in order, with the settings they were planned with.</summary>
    public async Task<(BranchReminderSettings Settings, IReadOnlyList<PlannedReminder> Reminders)> UpcomingAsync(string branchId, TimeSpan horizon, CancellationToken cancellationToken)
    {
        var settings = await GetAsync(branchId, cancellationToken);
        return (settings, await coordinator.UpcomingAsync(branchId, horizon, cancellationToken));
    }

    private DateOnly Today(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
}
