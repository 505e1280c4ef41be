using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace PartyAffairs.Scheduler.Jobs;

/// <summary>
/// After start-up, gives every branch its triggers, each firing at once: the tick catches up from the last scan stored in
/// Redis (missed reminders still useful are sent once, the rest dropped with a log line) and then moves the trigger on.
/// </summary>
public sealed class ReminderStartupService(
    ISchedulerFactory schedulers,
    ReminderTriggers triggers,
    Delivery.ReminderOptions options,
    TimeProvider time,
    ILogger<ReminderStartupService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (store, knowledge base) before the first catch-up.
        await Task.Delay(options.StartDelay, time, stoppingToken);
        triggers.Arm();
        for (var attempt = 1; attempt <= 30 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var scheduler = await schedulers.GetScheduler(stoppingToken);
                await triggers.EnsureAllAsync(scheduler, stoppingToken);
                return;
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or SchedulerException)
            {
                // The store is not up yet: try again shortly; the sync job also retries every ten minutes.
                ReminderJobLog.StartupRetry(logger, e, attempt);
                await Task.Delay(options.StartDelay > TimeSpan.Zero ? options.StartDelay : TimeSpan.FromSeconds(5), time, stoppingToken);
            }
        }
    }
}
