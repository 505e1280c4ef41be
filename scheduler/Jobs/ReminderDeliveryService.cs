using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Scheduler.Jobs;

/// <summary>
/// Drains the delivery queue continuously and, in a loop of its own, keeps this instance's lease (the queue, not Quartz,
/// paces sends). The lease is renewed while a drain waits for a channel's rate limit, which may take minutes: otherwise
/// another instance would take this one for dead and hand its in-flight reminders to the queue again.
/// </summary>
public sealed class ReminderDeliveryService(ReminderDispatcher dispatcher, ReminderOptions options, TimeProvider time, ILogger<ReminderDeliveryService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(options.PollInterval, time, stoppingToken);
        await Task.WhenAll(RepeatAsync(dispatcher.MaintainAsync, options.Lease / 3, stoppingToken), RepeatAsync(dispatcher.DrainAsync, options.PollInterval, stoppingToken));
    }

    private async Task RepeatAsync(Func<CancellationToken, Task> work, TimeSpan interval, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await work(stoppingToken);
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The store is down, or one item or setting could not be read: log, wait and go on. A loop that ended here
                // would stop this instance's deliveries (or its lease) silently. Nothing acknowledged is lost: an item
                // taken stays in this instance's processing list and is recovered when the instance goes.
                ReminderJobLog.DeliveryLoopFailed(logger, e);
                await Task.Delay(options.PollInterval * 5, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
