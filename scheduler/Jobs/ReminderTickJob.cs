using PartyAffairs.Scheduler.Planning;
using Quartz;

namespace PartyAffairs.Scheduler.Jobs;

/// <summary>A branch's reminder group is due: hand over to the coordinator and move the trigger to the next due time.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderTickJob(ReminderCoordinator coordinator, ReminderTriggers triggers) : IJob
{
    /// <summary>The job's key (one durable job; a trigger per branch and group carries the data).</summary>
    public static readonly JobKey Key = new("reminder-tick", ReminderTriggerFactory.TriggerGroup);

    /// <summary>Job data: branch id.</summary>
    public const string BranchKey = "branch";

    /// <summary>Job data: group name.</summary>
    public const string GroupKey = "group";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var branchId = context.MergedJobDataMap.GetString(BranchKey)!;
        var group = Enum.Parse<ReminderGroup>(context.MergedJobDataMap.GetString(GroupKey)!);
        var next = await coordinator.TickAsync(branchId, group, cancellationToken);
        await triggers.MoveAsync(context.Scheduler, branchId, group, next, cancellationToken);
    }
}
