namespace PartyAffairs.Delivery.Queues;

/// <summary>How a <see cref="WorkQueueWorker"/> runs its queue in this process.</summary>
public sealed class WorkerOptions
{
    /// <summary>Items run at once per partition (1 keeps a partition's items in order within the instance).</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>How often an idle loop looks for items queued by other instances (local enqueues wake it at once).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>On stop, how long running items may finish before they are cancelled and handed back.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Decides per item what recovery does with it (null: every item goes back to the queue).</summary>
    public RecoveryHook? Recovery { get; init; }

    /// <summary>Told what a recovery of dead instances did (the owner's own log line); the worker logs it otherwise.</summary>
    public Action<RecoveryReport>? Recovered { get; init; }

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        if (Parallelism < 1 || PollInterval <= TimeSpan.Zero || ShutdownGrace < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Parallelism), "A worker needs Parallelism ≥ 1, a positive PollInterval and a ShutdownGrace not negative.");
        }
    }
}
