using System.Threading.Channels;

namespace PartyAffairs.Delivery.Queues;

/// <summary>
/// A durable work queue in Redis, with plain commands only (no Lua, so Redis 7 and the embedded Garnet behave the same;
/// WATCH/MULTI where a step must be conditional). Items wait in a list (optionally one per partition), are taken by an
/// atomic LMOVE into the taking instance's processing list and leave it only when completed, parked in the delayed set,
/// or handed back. Each instance holds a lease (renewed by its heartbeat); when a lease lapses another instance hands the
/// dead one's items back to the queue, item by item through a <see cref="RecoveryHook"/>. Keys: <see cref="WorkQueueKeys"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It is a queue.")]
public sealed class WorkQueue
{
    /// <summary>Items pushed per LPUSH when many are queued at once.</summary>
    public const int PushChunk = 1000;

    /// <summary>How long the lock on a dead instance's list lasts (another instance continues after it).</summary>
    public static readonly TimeSpan RecoveryLockTime = TimeSpan.FromMinutes(1);

    private const int MaxConflicts = 100;

    private readonly IConnectionMultiplexer _connection;
    private readonly WorkQueueOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<bool>[] _wakeUps;
    private int _registered;

    /// <summary>A queue over the host's Redis connection, worked by <paramref name="instance"/>.</summary>
    public WorkQueue(IConnectionMultiplexer connection, DeliveryInstance instance, WorkQueueOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _connection = connection;
        _options = options;
        _time = time;
        InstanceId = instance.Id;
        _wakeUps = Enumerable.Range(0, options.Partitions)
            .Select(_ => Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }))
            .ToArray();
    }

    /// <summary>The key prefix.</summary>
    public string Name => _options.Name;

    /// <summary>The instance working this queue in this process.</summary>
    public string InstanceId { get; }

    /// <summary>Partitions (1 for a queue of one list).</summary>
    public int Partitions => _options.Partitions;

    /// <summary>How long this instance's items stay its own without a heartbeat.</summary>
    public TimeSpan Lease => _options.Lease;

    /// <summary>The waiting items of a partition.</summary>
    public RedisKey QueueKey(int partition = 0) => WorkQueueKeys.Queue(Name, _options.Partitioned, partition);

    /// <summary>The items an instance has taken and not finished.</summary>
    public RedisKey ProcessingKey(string instanceId) => WorkQueueKeys.Processing(Name, instanceId);

    /// <summary>Items parked until an instant.</summary>
    public RedisKey DelayedKey => WorkQueueKeys.Delayed(Name);

    /// <summary>Instance leases.</summary>
    public RedisKey WorkersKey => WorkQueueKeys.Workers(Name);

    /// <summary>The partition an item goes back to.</summary>
    public int PartitionOf(RedisValue item)
    {
        if (_options.PartitionOf is not { } partitionOf)
        {
            return 0;
        }

        var partition = partitionOf(item);
        return partition >= 0 && partition < Partitions ? partition : 0;
    }

    private IDatabase Db => _connection.GetDatabase();

    /// <summary>Queues items at the tail of a partition (LPUSH in chunks) and wakes this process's idle workers.</summary>
    public async Task EnqueueAsync(IReadOnlyList<RedisValue> items, int partition = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var db = Db;
        for (var i = 0; i < items.Count; i += PushChunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await db.ListLeftPushAsync(QueueKey(partition), items.Skip(i).Take(PushChunk).ToArray());
        }

        if (items.Count > 0)
        {
            Wake(partition);
        }
    }

    /// <summary>
    /// Adds queueing <paramref name="item"/> to a transaction of the caller's (so it is stored together with the caller's
    /// own writes, or not at all). Call <see cref="Wake"/> once the transaction committed.
    /// </summary>
    public Task<long> Enqueue(ITransaction transaction, RedisValue item, int partition = 0)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.ListLeftPushAsync(QueueKey(partition), item);
    }

    /// <summary>
    /// Records an item as taken by this instance without queueing it first (the process that creates the work starts it at
    /// once), together with this instance's lease, in one transaction. Throws when the store refuses.
    /// </summary>
    public async Task EnqueueTakenAsync(RedisValue item)
    {
        var add = Db.CreateTransaction();
        var taken = AddTakenAsync(add, item);
        await add.ExecuteAsync();
        await taken;
    }

    /// <summary>
    /// Adds <see cref="EnqueueTakenAsync"/>'s writes to a transaction of the caller's (so the item is recorded together with
    /// the caller's own writes, or not at all); await the returned task after executing the transaction.
    /// </summary>
    public async Task AddTakenAsync(ITransaction transaction, RedisValue item)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var push = transaction.ListLeftPushAsync(ProcessingKey(InstanceId), item);
        var lease = transaction.HashSetAsync(WorkersKey, InstanceId, LeaseExpiry());
        await Task.WhenAll(push, lease);
        Volatile.Write(ref _registered, 1);
    }

    /// <summary>Wakes this process's workers waiting on a partition (items were queued or returned here).</summary>
    public void Wake(int partition = 0) => _wakeUps[partition].Writer.TryWrite(true);

    /// <summary>Items waiting in a partition.</summary>
    public Task<long> LengthAsync(int partition = 0) => Db.ListLengthAsync(QueueKey(partition));

    /// <summary>Moves the oldest waiting item of a partition into this instance's processing list (LMOVE); null when none waits.</summary>
    public async Task<RedisValue?> TakeAsync(int partition = 0)
    {
        var value = await Db.ListMoveAsync(QueueKey(partition), ProcessingKey(InstanceId), ListSide.Right, ListSide.Left);
        return value.IsNull ? (RedisValue?)null : value;
    }

    /// <summary>Removes a finished item from this instance's processing list.</summary>
    public Task CompleteAsync(RedisValue item) => Db.ListRemoveAsync(ProcessingKey(InstanceId), item, 1);

    /// <summary>The items of an instance's processing list, newest first.</summary>
    public async Task<IReadOnlyList<RedisValue>> ProcessingAsync(string? instanceId = null) =>
        await Db.ListRangeAsync(ProcessingKey(instanceId ?? InstanceId));

    /// <summary>Parks an item of this instance's until <paramref name="until"/> (ZADD and LREM in one transaction).</summary>
    public async Task DelayAsync(RedisValue item, DateTimeOffset until)
    {
        var park = Db.CreateTransaction();
        var add = park.SortedSetAddAsync(DelayedKey, item, until.ToUnixTimeMilliseconds());
        var remove = park.ListRemoveAsync(ProcessingKey(InstanceId), item, 1);
        await park.ExecuteAsync();
        await Task.WhenAll(add, remove);
    }

    /// <summary>
    /// Moves parked items whose instant has come to the tail of their queue; each move is ZREM + LPUSH in one transaction
    /// conditioned on the item still being parked, so of several instances promoting at once exactly one moves it.
    /// </summary>
    public async Task<int> PromoteDueAsync()
    {
        var db = Db;
        var due = await db.SortedSetRangeByScoreAsync(DelayedKey, double.NegativeInfinity, _time.GetUtcNow().ToUnixTimeMilliseconds(), take: PushChunk);
        var moved = 0;
        foreach (var item in due)
        {
            var partition = PartitionOf(item);
            var move = db.CreateTransaction();
            move.AddCondition(Condition.SortedSetContains(DelayedKey, item));
            _ = move.SortedSetRemoveAsync(DelayedKey, item);
            _ = move.ListLeftPushAsync(QueueKey(partition), item);
            if (await move.ExecuteAsync())
            {
                moved++;
                Wake(partition);
            }
        }

        return moved;
    }

    /// <summary>Renews this instance's lease; says whether it was still held.</summary>
    public async Task<LeaseState> HeartbeatAsync()
    {
        var created = await Db.HashSetAsync(WorkersKey, InstanceId, LeaseExpiry());
        var wasRegistered = Interlocked.Exchange(ref _registered, 1) == 1;
        return !created ? LeaseState.Held : wasRegistered ? LeaseState.Lost : LeaseState.Started;
    }

    /// <summary>Gives up the lease when this instance's processing list is empty; false when items remain (they are recovered after the lease).</summary>
    public async Task<bool> LeaveAsync()
    {
        var db = Db;
        if (await db.ListLengthAsync(ProcessingKey(InstanceId)) > 0)
        {
            return false;
        }

        await db.HashDeleteAsync(WorkersKey, InstanceId);
        Volatile.Write(ref _registered, 0);
        return true;
    }

    /// <summary>
    /// Hands back the items of instances whose lease lapsed (<see cref="ReturnAllAsync"/>) and forgets those instances; a
    /// lock per dead instance makes one live instance do it. An instance that was only stalled finds its lease gone at its
    /// next heartbeat (<see cref="LeaseState.Lost"/>).
    /// </summary>
    public async Task<RecoveryReport> RecoverAsync(RecoveryHook? hook)
    {
        var db = Db;
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var report = RecoveryReport.None;
        foreach (var worker in await db.HashGetAllAsync(WorkersKey))
        {
            var instance = worker.Name.ToString();
            if (instance == InstanceId || !worker.Value.TryParse(out long expiry) || expiry > now)
            {
                continue;
            }

            var recoveryLock = WorkQueueKeys.Recovery(Name, instance);
            if (!await db.StringSetAsync(recoveryLock, InstanceId, RecoveryLockTime, When.NotExists))
            {
                continue;
            }

            var handed = await ReturnAllAsync(instance, hook);
            await db.HashDeleteAsync(WorkersKey, instance);
            await db.KeyDeleteAsync(recoveryLock);
            report = report.Add(handed with { Instances = [instance] });
        }

        return report;
    }

    /// <summary>
    /// Empties an instance's processing list, newest item first: each item goes through <paramref name="hook"/> (every
    /// item returns when it is null) and then leaves the list in a transaction conditioned on it still being the list's
    /// head, together with its push to the head of its queue when it returns. So an item is never lost nor doubled, even
    /// when two instances empty the same list at once; the oldest ends up at the very head and is taken first.
    /// </summary>
    public async Task<RecoveryReport> ReturnAllAsync(string instanceId, RecoveryHook? hook)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var db = Db;
        var processing = ProcessingKey(instanceId);
        int returned = 0, dropped = 0, interrupted = 0, conflicts = 0;
        while (conflicts < MaxConflicts && await db.ListGetByIndexAsync(processing, 0) is { IsNull: false } head)
        {
            var action = hook is null ? RecoveredItem.Return : await hook(head, instanceId);
            var partition = PartitionOf(head);
            var move = db.CreateTransaction();
            move.AddCondition(Condition.ListIndexEqual(processing, 0, head));
            _ = move.ListLeftPopAsync(processing);
            if (action == RecoveredItem.Return)
            {
                _ = move.ListRightPushAsync(QueueKey(partition), head);
            }

            if (!await move.ExecuteAsync())
            {
                conflicts++;
                continue;
            }

            switch (action)
            {
                case RecoveredItem.Return:
                    returned++;
                    Wake(partition);
                    break;
                case RecoveredItem.Interrupted:
                    interrupted++;
                    break;
                default:
                    dropped++;
                    break;
            }
        }

        return new RecoveryReport(returned, dropped, interrupted, []);
    }

    /// <summary>
    /// Hands back one item of this instance's processing list that no worker of this process holds any more (its handler
    /// failed): through <paramref name="hook"/>, then LREM (and the push back when it returns) in one transaction
    /// conditioned on the item still being where it was found. Null when the item was no longer there.
    /// </summary>
    public async Task<RecoveredItem?> ReturnOwnAsync(RedisValue item, RecoveryHook? hook)
    {
        var db = Db;
        var processing = ProcessingKey(InstanceId);
        RecoveredItem? action = null;
        for (var conflicts = 0; conflicts < MaxConflicts; conflicts++)
        {
            var index = Array.IndexOf(await db.ListRangeAsync(processing), item);
            if (index < 0)
            {
                return null;
            }

            action ??= hook is null ? RecoveredItem.Return : await hook(item, InstanceId);
            var partition = PartitionOf(item);
            var move = db.CreateTransaction();
            move.AddCondition(Condition.ListIndexEqual(processing, index, item));
            _ = move.ListRemoveAsync(processing, item, 1);
            if (action == RecoveredItem.Return)
            {
                _ = move.ListRightPushAsync(QueueKey(partition), item);
            }

            if (await move.ExecuteAsync())
            {
                if (action == RecoveredItem.Return)
                {
                    Wake(partition);
                }

                return action;
            }
        }

        return null;
    }

    /// <summary>Waits until this process queued or returned an item in the partition, or <paramref name="poll"/> passed (on the injected clock).</summary>
    public async Task WaitForWorkAsync(int partition, TimeSpan poll, CancellationToken cancellationToken)
    {
        var reader = _wakeUps[partition].Reader;
        if (reader.TryRead(out _))
        {
            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(reader.WaitToReadAsync(wait.Token).AsTask(), Task.Delay(poll, _time, wait.Token));
        await wait.CancelAsync();
        reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private long LeaseExpiry() => (_time.GetUtcNow() + Lease).ToUnixTimeMilliseconds();
}
