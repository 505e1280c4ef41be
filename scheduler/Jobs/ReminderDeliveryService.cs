using Microsoft.Extensions.Hosting;
using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Scheduler.Jobs;

/// <summary>
/// Runs the delivery queue's worker in this process (the queue, not Quartz, paces sends): its loops deliver continuously
/// and, in a loop of their own, keep this instance's lease. The lease is renewed while a reminder waits for a channel's
/// rate cap, which may take minutes: otherwise another instance would take this one for dead and hand its in-flight
/// reminders to the queue again. On stop, running sends may finish for a few seconds; what is left goes back to the queue
/// by the recovery rules (claimed → queued again, sending → recorded as failed).
/// </summary>
public sealed class ReminderDeliveryService(ReminderDispatcher dispatcher, ReminderOptions options, TimeProvider time) : BackgroundService
{
    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await dispatcher.Worker.StopAsync(cancellationToken);
        await base.StopAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.PollInterval, time, stoppingToken);
            dispatcher.Worker.Start();
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync stops the worker.
        }
    }
}
