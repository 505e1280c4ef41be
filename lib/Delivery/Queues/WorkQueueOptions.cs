namespace PartyAffairs.Delivery.Queues;

/// <summary>How one work queue is laid out in the store and how long an instance's claim on its items lasts.</summary>
public sealed class WorkQueueOptions
{
    /// <summary>The key prefix (<see cref="WorkQueueKeys"/>), for example <c>pa:rem</c>.</summary>
    public required string Name { get; init; }

    /// <summary>True for one list per partition (<c>{name}:{n}</c>); false for one list (<c>{name}:queue</c>).</summary>
    public bool Partitioned { get; init; }

    /// <summary>Partitions of a partitioned queue (1 otherwise).</summary>
    public int Partitions { get; init; } = 1;

    /// <summary>
    /// The partition an item belongs to (used when an item goes back to the queue: recovery, promotion of a delayed
    /// item); partition 0 when unset. Must be the same in every process.
    /// </summary>
    public Func<RedisValue, int>? PartitionOf { get; init; }

    /// <summary>How long an instance's items stay its own without a heartbeat (renewed every third of it).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        if (Partitions < 1 || (!Partitioned && Partitions != 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Partitions), "A queue has at least one partition, and only a partitioned queue more than one.");
        }

        if (Lease < TimeSpan.FromMilliseconds(300))
        {
            throw new ArgumentOutOfRangeException(nameof(Lease), "A lease must be at least 300 ms.");
        }
    }
}
