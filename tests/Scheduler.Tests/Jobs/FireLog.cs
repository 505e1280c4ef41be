using System.Collections.Concurrent;
using Quartz;

namespace PartyAffairs.Scheduler.Tests.Jobs;

/// <summary>A Quartz job listener recording every completed firing: which trigger, when it was scheduled and when it fired.</summary>
internal sealed class FireLog : IJobListener
{
    public ConcurrentQueue<Fire> Fires { get; } = new();

    public string Name => "test-fire-log";

    public IReadOnlyList<Fire> Of(TriggerKey key) => Fires.Where(f => f.Trigger.Equals(key)).ToArray();

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        Fires.Enqueue(new Fire(context.Trigger.Key, context.JobDetail.Key, context.ScheduledFireTimeUtc, context.FireTimeUtc, jobException));
        return ValueTask.CompletedTask;
    }

    internal sealed record Fire(TriggerKey Trigger, JobKey Job, DateTimeOffset? Scheduled, DateTimeOffset FiredAt, JobExecutionException? Error);
}
