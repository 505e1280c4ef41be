using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Delivery;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Settings;
using Quartz;

namespace PartyAffairs.Scheduler.Jobs;

/// <summary>
/// Registers the scheduler's own services, its Quartz jobs and its hosted services, so the host and the tests that run a
/// real Quartz scheduler share one wiring. The host supplies <see cref="TimeProvider"/>, <see cref="ReminderOptions"/>,
/// <c>IConnectionMultiplexer</c>, <c>WorkingCalendar</c>, <c>BranchDutyCatalogs</c>, <see cref="IMemberDirectory"/>,
/// <see cref="IReminderSender"/>, <see cref="IReminderWording"/> (the words of reminders) and <c>ICompletionLedger</c>;
/// reliable delivery (the instance id, the shared rate limiter, the retry policy) comes from <see cref="DeliveryHosting.AddDelivery"/>.
/// </summary>
public static class ReminderSchedulerServices
{
    /// <summary>The sync trigger's key (every ten minutes, Asia/Shanghai).</summary>
    public static readonly TriggerKey SyncTriggerKey = new("reminder-sync", ReminderTriggerFactory.TriggerGroup);

    /// <summary>The sync trigger's schedule: every ten minutes.</summary>
    public const string SyncCron = "0 0/10 * * * ?";

    /// <summary>
    /// Adds planner, stores, delivery, coordinator, triggers and Quartz (in-memory store, on the container's
    /// <see cref="TimeProvider"/>). With <paramref name="enabled"/> false no trigger fires and nothing is delivered.
    /// </summary>
    public static IServiceCollection AddReminderScheduler(this IServiceCollection services, bool enabled, Action<IQuartzBuilder>? configureQuartz = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDelivery();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<IBranchSettingsStore, RedisBranchSettingsStore>();
        services.AddSingleton<ReminderDeliveryStore>();
        services.AddSingleton<ReminderFanOut>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddSingleton<ReminderCoordinator>();
        services.AddSingleton<ReminderPlanPreview>();
        services.AddSingleton<ReminderTriggers>();
        services.AddSingleton<IReminderTriggers>(sp => sp.GetRequiredService<ReminderTriggers>());
        services.AddSingleton<BranchSettingsService>();
        services.AddSingleton<ReminderResponseRecorder>();

        services.AddQuartz(q =>
        {
            q.AddJob<ReminderTickJob>(j => j.WithIdentity(ReminderTickJob.Key).StoreDurably());
            q.AddJob<ReminderSyncJob>(j => j.WithIdentity(ReminderSyncJob.Key).StoreDurably());
            if (enabled)
            {
                // Every ten minutes: triggers for new branches (start-up catch-up runs in ReminderStartupService).
                q.AddTrigger(t => t.ForJob(ReminderSyncJob.Key).WithIdentity(SyncTriggerKey)
                    .WithCronSchedule(SyncCron, c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(BranchReminderSettings.DefaultTimeZone))));
            }

            configureQuartz?.Invoke(q);
        });
        if (enabled)
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            services.AddHostedService<ReminderDeliveryService>();
            services.AddHostedService<ReminderStartupService>();
        }

        return services;
    }
}
