using Microsoft.Extensions.Logging;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Settings;
using Quartz;

namespace PartyAffairs.Scheduler.Jobs;

/// <summary>
/// Places and moves the per-branch, per-group triggers. A branch without a trigger gets one that fires at once (the tick
/// itself catches up from the last scan); an existing trigger is never pushed later than its pending fire, so a refresh
/// after a settings change or at start-up cannot lose a fire.
/// </summary>
public sealed class ReminderTriggers(
    ISchedulerFactory schedulers,
    IMemberDirectory directory,
    IBranchSettingsStore settingsStore,
    ReminderCoordinator coordinator,
    TimeProvider time,
    ILogger<ReminderTriggers> logger) : IReminderTriggers
{
    private volatile bool _armed;

    /// <summary>Allows triggers to be placed (called once the start-up delay has passed).</summary>
    public void Arm() => _armed = true;

    /// <inheritdoc />
    public async Task RefreshAsync(string branchId, CancellationToken cancellationToken)
    {
        if (!_armed)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var group in Enum.GetValues<ReminderGroup>())
        {
            var next = await coordinator.NextDueAsync(branchId, group, cancellationToken);
            await PlaceAsync(scheduler, branchId, group, next, keepEarlier: true, cancellationToken);
        }
    }

    /// <summary>Gives every branch lacking a trigger one that fires now (catch-up runs in the tick).</summary>
    public async Task EnsureAllAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        if (!_armed)
        {
            return;
        }

        foreach (var branchId in await directory.ListBranchIdsAsync(cancellationToken))
        {
            try
            {
                foreach (var group in Enum.GetValues<ReminderGroup>())
                {
                    if (await scheduler.GetTrigger(ReminderTriggerFactory.Key(branchId, group), cancellationToken) is null)
                    {
                        await PlaceAsync(scheduler, branchId, group, time.GetUtcNow().AddSeconds(2), keepEarlier: false, cancellationToken);
                    }
                }
            }
            catch (SchedulerException e)
            {
                // One branch's trigger must not keep the others from theirs; the next sync tries again.
                ReminderJobLog.PlaceFailed(logger, e, branchId);
            }
        }
    }

    /// <summary>After a fire: moves the trigger to the next due time, or removes it when none is within the horizon.</summary>
    public Task MoveAsync(IScheduler scheduler, string branchId, ReminderGroup group, DateTimeOffset? next, CancellationToken cancellationToken) =>
        PlaceAsync(scheduler, branchId, group, next, keepEarlier: false, cancellationToken);

    /// <summary>After a failed fire: fires again at <paramref name="at"/> without reading the branch's settings (they may be what failed).</summary>
    public async Task RetryAsync(IScheduler scheduler, string branchId, ReminderGroup group, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var key = ReminderTriggerFactory.Key(branchId, group);

        // A one-shot trigger fires at the same instant in any zone; UTC avoids reading the settings.
        var trigger = ReminderTriggerFactory.Build(branchId, group, at, TimeZoneInfo.Utc, scheduler.TimeProvider);
        if (await scheduler.GetTrigger(key, cancellationToken) is null)
        {
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
        }
        else
        {
            await scheduler.RescheduleJob(key, trigger, cancellationToken);
        }

        ReminderJobLog.TriggerSet(logger, key.Name, at);
    }

    private async Task PlaceAsync(IScheduler scheduler, string branchId, ReminderGroup group, DateTimeOffset? next, bool keepEarlier, CancellationToken cancellationToken)
    {
        var key = ReminderTriggerFactory.Key(branchId, group);
        var existing = await scheduler.GetTrigger(key, cancellationToken);
        if (next is null)
        {
            // Nothing within the horizon: the sync job places a trigger again once something is.
            if (existing is not null && !keepEarlier)
            {
                await scheduler.UnscheduleJob(key, cancellationToken);
            }

            return;
        }

        if (keepEarlier && existing?.NextFireTimeUtc is { } pending && pending <= next)
        {
            return;
        }

        var settings = await settingsStore.GetAsync(branchId, cancellationToken) ?? new BranchReminderSettings();
        var due = next.Value < time.GetUtcNow() ? time.GetUtcNow().AddSeconds(1) : next.Value;
        var trigger = ReminderTriggerFactory.Build(branchId, group, due, settings.Zone(), scheduler.TimeProvider);
        if (existing is null)
        {
            try
            {
                await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Placed meanwhile by the tick, the sync job or the start-up catch-up: that placement stands.
                return;
            }
        }
        else
        {
            await scheduler.RescheduleJob(key, trigger, cancellationToken);
        }

        ReminderJobLog.TriggerSet(logger, key.Name, due);
    }
}
