using Microsoft.Extensions.Logging;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Scheduler.Planning;

/// <summary>
/// What a trigger fire does: plan the branch's reminders of one group from the last scan up to now, fan out those still
/// useful (catch-up included), drop the rest with a log line, and say when the next one is due. Safe to run twice or on
/// two instances at once: occurrences already queued are skipped, and delivery claims each reminder once.
/// </summary>
public sealed class ReminderCoordinator(
    IBranchSettingsStore settingsStore,
    BranchDutyCatalogs catalogs,
    ReminderPlanner planner,
    WorkingCalendar calendar,
    ReminderFanOut fanOut,
    ReminderDeliveryStore store,
    ReminderOptions options,
    TimeProvider time,
    ILogger<ReminderCoordinator> logger)
{
    /// <summary>How far ahead the next due reminder is looked for.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(120);

    /// <summary>Fans out the group's due reminders of a branch; returns when the next one is due (null: none within the horizon).</summary>
    public async Task<DateTimeOffset?> TickAsync(string branchId, ReminderGroup group, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = await settingsStore.GetAsync(branchId, cancellationToken) ?? new BranchReminderSettings();
        var catalog = catalogs.For(settings.BindingDocuments);
        var groupName = group.ToString();
        var from = await store.GetScannedAsync(branchId, groupName) ?? now - options.FirstRunLookBack;
        var zone = settings.Zone();
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;

        if (group == ReminderGroup.Duties)
        {
            var year = local.Year + (local.Month >= 11 ? 1 : 0);
            if (!calendar.HasDataFor(year))
            {
                ReminderLog.CalendarMissing(logger, year, branchId);
            }
        }

        // In quiet hours nothing is fanned out; missed reminders wait for the window's end.
        if (!settings.QuietHours.Contains(TimeOnly.FromDateTime(local)))
        {
            foreach (var planned in planner.Plan(branchId, settings, catalog, catalogs.Titles, from, now).Where(p => p.Group == group))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await store.IsQueuedAsync(planned.Id))
                {
                    continue;
                }

                if (now >= planned.UsefulUntil)
                {
                    ReminderLog.DroppedMissed(logger, planned.Id, planned.DueAt, planned.UsefulUntil);
                    await store.MarkDroppedAsync(planned.Id);
                    continue;
                }

                await fanOut.FanOutAsync(planned, cancellationToken);
            }

            await store.SetScannedAsync(branchId, groupName, now);
        }

        return await NextDueAsync(branchId, group, cancellationToken);
    }

    /// <summary>When the group's next reminder of a branch is due (the end of quiet hours when a catch-up waits for it).</summary>
    public async Task<DateTimeOffset?> NextDueAsync(string branchId, ReminderGroup group, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = await settingsStore.GetAsync(branchId, cancellationToken) ?? new BranchReminderSettings();
        var zone = settings.Zone();
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        if (settings.QuietHours.Contains(TimeOnly.FromDateTime(local)))
        {
            var end = settings.QuietHours.NextAllowed(local);
            return new DateTimeOffset(end, zone.GetUtcOffset(end));
        }

        var next = (await UpcomingAsync(branchId, settings, now + TimeSpan.FromSeconds(1), Horizon)).FirstOrDefault(p => p.Group == group);
        return next?.DueAt;
    }

    /// <summary>The branch's reminders due in the coming <paramref name="horizon"/>, for “查看提醒计划”.</summary>
    public async Task<IReadOnlyList<PlannedReminder>> UpcomingAsync(string branchId, TimeSpan horizon, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(branchId, cancellationToken) ?? new BranchReminderSettings();
        return await UpcomingAsync(branchId, settings, time.GetUtcNow(), horizon);
    }

    private Task<IReadOnlyList<PlannedReminder>> UpcomingAsync(string branchId, BranchReminderSettings settings, DateTimeOffset from, TimeSpan horizon) =>
        Task.FromResult(planner.Plan(branchId, settings, catalogs.For(settings.BindingDocuments), catalogs.Titles, from, from + horizon));
}
