using Microsoft.Extensions.Hosting;
using Quartz;

namespace PartyAffairs.Scheduler.Jobs;

/// <summary>
/// After start-up, gives every branch its triggers, each firing at once: the tick catches up from the last scan stored in
/// Redis (missed reminders still useful are sent once, the rest dropped with a log line) and then moves the trigger on.
/// </summary>
public sealed class ReminderStartupService(ISchedulerFactory schedulers, ReminderTriggers triggers, Delivery.ReminderOptions options, TimeProvider time) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (store, knowledge base) before the first catch-up.
        await Task.Delay(options.StartDelay, time, stoppingToken);
        triggers.Arm();
        for (var attempt = 0; attempt < 30 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var scheduler = await schedulers.GetScheduler(stoppingToken);
                await triggers.EnsureAllAsync(scheduler, stoppingToken);
                return;
            }
            catch (StackExchange.Redis.RedisException)
            {
                // The store is not up yet: try again shortly; the sync job also retries every ten minutes.
                await Task.Delay(options.StartDelay, time, stoppingToken);
        triggers.Arm();
            }
        }
    }
}
