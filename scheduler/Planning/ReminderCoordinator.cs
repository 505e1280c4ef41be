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
            var since = await fanOut.BranchCreatedAsync(branchId, cancellationToken);
            foreach (var planned in planner.Plan(branchId, settings, catalog, catalogs.Titles, from, now, since).Where(p => p.Group == group))
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

                var slot = ReminderDigests.SlotOf(planned, zone);
                var slotId = $"{branchId}:slot:{slot}";
                if (await store.IsQueuedAsync(slotId))
                {
                    // The slot went out before this reminder existed (a settings change today): it goes on its own.
                    await fanOut.FanOutSlotAsync(slot + "-late", [planned], cancellationToken);
                    await store.MarkQueuedAsync(planned.Id);
                    continue;
                }

                await FanOutSlotAsync(branchId, settings, catalog, slot, slotId, planned, now, since, cancellationToken);
            }

            await store.SetScannedAsync(branchId, groupName, now);
        }

        return await NextDueAsync(branchId, group, cancellationToken);
    }

    /// <summary>
    /// Fans out a whole send slot (<see cref="ReminderDigests"/>) at its first due reminder: every reminder of that local day
    /// (all groups; the themed day's own reminder is a slot of its own) still useful and not queued before, as one message
    /// per person; then marks each reminder and the slot queued, so later fires of the day find them done.
    /// </summary>
    private async Task FanOutSlotAsync(string branchId, BranchReminderSettings settings, ITrackedDutyCatalog catalog, string slot, string slotId,
        PlannedReminder first, DateTimeOffset now, DateOnly? since, CancellationToken cancellationToken)
    {
        var (dayStart, dayEnd) = LocalDay(first.DueAt, settings.Zone());
        var members = new List<PlannedReminder>();
        foreach (var reminder in planner.Plan(branchId, settings, catalog, catalogs.Titles, dayStart, dayEnd, since)
                     .Where(r => ReminderDigests.SlotOf(r, settings.Zone()) == slot))
        {
            if (now >= reminder.UsefulUntil || await store.IsQueuedAsync(reminder.Id))
            {
                continue;
            }

            members.Add(reminder);
        }

        await fanOut.FanOutSlotAsync(slot, members, cancellationToken);
        foreach (var reminder in members)
        {
            await store.MarkQueuedAsync(reminder.Id);
        }

        await store.MarkQueuedAsync(slotId);
    }

    /// <summary>The first and last instant of the local day of <paramref name="instant"/>.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) LocalDay(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var day = TimeZoneInfo.ConvertTime(instant, zone).Date;
        var next = day.AddDays(1);
        return (new DateTimeOffset(day, zone.GetUtcOffset(day)), new DateTimeOffset(next, zone.GetUtcOffset(next)).AddTicks(-1));
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

    private async Task<IReadOnlyList<PlannedReminder>> UpcomingAsync(string branchId, BranchReminderSettings settings, DateTimeOffset from, TimeSpan horizon) =>
        planner.Plan(branchId, settings, catalogs.For(settings.BindingDocuments), catalogs.Titles, from, from + horizon,
            await fanOut.BranchCreatedAsync(branchId, CancellationToken.None));
}
