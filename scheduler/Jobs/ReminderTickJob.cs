using Microsoft.Extensions.Logging;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Planning;
using Quartz;

namespace PartyAffairs.Scheduler.Jobs;

/// <summary>A branch's reminder group is due: hand over to the coordinator and move the trigger to the next due time.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderTickJob(ReminderCoordinator coordinator, ReminderTriggers triggers, TimeProvider time, ILogger<ReminderTickJob> logger) : IJob
{
    /// <summary>The job's key (one durable job; a trigger per branch and group carries the data).</summary>
    public static readonly JobKey Key = new("reminder-tick", ReminderTriggerFactory.TriggerGroup);

    /// <summary>Job data: branch id.</summary>
    public const string BranchKey = "branch";

    /// <summary>Job data: group name.</summary>
    public const string GroupKey = "group";

    /// <summary>How soon a failed tick (store unreachable, unreadable settings) is tried again.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var branchId = context.MergedJobDataMap.GetString(BranchKey)!;
        var group = Enum.Parse<ReminderGroup>(context.MergedJobDataMap.GetString(GroupKey)!);
        DateTimeOffset? next;
        try
        {
            next = await coordinator.TickAsync(branchId, group, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The scan marker was not advanced, so the retry plans the same window again: nothing is lost or doubled.
            ReminderLog.TickFailed(logger, e, branchId, group.ToString());
            await triggers.RetryAsync(context.Scheduler, branchId, group, time.GetUtcNow() + RetryAfterFailure, cancellationToken);
            return;
        }

        await triggers.MoveAsync(context.Scheduler, branchId, group, next, cancellationToken);
    }
}
