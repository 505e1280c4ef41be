using Quartz;

namespace PartyAffairs.Scheduler.Jobs;

/// <summary>Every few minutes: gives new branches their triggers and catches up any branch whose trigger is missing.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderSyncJob(ReminderTriggers triggers) : IJob
{
    /// <summary>The job's key.</summary>
    public static readonly JobKey Key = new("reminder-sync", ReminderTriggerFactory.TriggerGroup);

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await triggers.EnsureAllAsync(context.Scheduler, cancellationToken);
    }
}
