using Microsoft.Extensions.Hosting;
using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Scheduler.Jobs;

/// <summary>Drains the delivery queue continuously and keeps this instance's lease (the queue, not Quartz, paces sends).</summary>
public sealed class ReminderDeliveryService(ReminderDispatcher dispatcher, ReminderOptions options, TimeProvider time) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastMaintenance = DateTimeOffset.MinValue;
        await Task.Delay(options.PollInterval, time, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() - lastMaintenance >= options.Lease / 3)
                {
                    await dispatcher.MaintainAsync(stoppingToken);
                    lastMaintenance = time.GetUtcNow();
                }

                await dispatcher.DrainAsync(stoppingToken);
                await Task.Delay(options.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (StackExchange.Redis.RedisException)
            {
                // The store is down: wait and try again; nothing was acknowledged that is not in Redis.
                await Task.Delay(options.PollInterval * 5, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
