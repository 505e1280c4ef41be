using System.Threading.Channels;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PartyAffairs.Channels.Inbound;

/// <summary>
/// The durable queue between an acknowledged platform callback and its turn, in Redis with plain commands only (no
/// Lua, so Redis and the embedded Garnet behave the same). A callback is acknowledged only after
/// <see cref="AcceptAsync"/> stored it; <see cref="ChannelInboxWorker"/> runs it on whichever instance takes it.
/// Same pattern as the reminder queue (docs/scheduler.md): LPUSH in, LMOVE into a per-instance processing list, a lease
/// per instance, and recovery of a dead instance's list. Keys are listed in docs/channels.md.
/// </summary>
public sealed class ChannelInbox
{
    /// <summary>How long a message id is remembered: a repeat within it is acknowledged and does nothing.</summary>
    public static readonly TimeSpan DedupWindow = TimeSpan.FromMinutes(10);

    /// <summary>Hash of live instances: field = instance id, value = lease expiry (unix ms).</summary>
    public static readonly RedisKey Workers = "pa:channel:inbox:workers";

    private readonly IConnectionMultiplexer _connection;
    private readonly ChannelQueueOptions _options;
    private readonly Channel<bool>[] _wakeUps;

    /// <summary>An inbox over the host's Redis connection.</summary>
    public ChannelInbox(IConnectionMultiplexer connection, IOptions<ChannelQueueOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connection = connection;
        _options = options.Value;
        _wakeUps = Enumerable.Range(0, _options.Partitions)
            .Select(_ => Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }))
            .ToArray();
    }

    /// <summary>Partitions of the inbox.</summary>
    public int Partitions => _options.Partitions;

    private IDatabase Db => _connection.GetDatabase();

    /// <summary>The de-duplication key of a platform message id.</summary>
    public static RedisKey SeenKey(string channelId, string messageId) => $"pa:channel:seen:{channelId}:{messageId}";

    /// <summary>The list of turns waiting in a partition (LPUSH in, taken from the right).</summary>
    public static RedisKey QueueKey(int partition) => $"pa:channel:inbox:{partition}";

    /// <summary>The list of turns an instance took and has not finished.</summary>
    public static RedisKey ProcessingKey(string instanceId) => $"pa:channel:inbox:processing:{instanceId}";

    /// <summary>Lock taken while a dead instance's turns are recovered.</summary>
    public static RedisKey RecoveryKey(string instanceId) => $"pa:channel:inbox:recover:{instanceId}";

    /// <summary>
    /// Stores the turn unless its message id was seen within <see cref="DedupWindow"/>: the seen-mark and the item are
    /// written in one transaction, so either both exist or neither. Throws <see cref="RedisException"/> or
    /// <see cref="TimeoutException"/> when the store is unreachable (then nothing was stored: do not acknowledge).
    /// </summary>
    public async Task<InboxAcceptance> AcceptAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        cancellationToken.ThrowIfCancellationRequested();
        var db = Db;
        var partition = InboundTurn.PartitionOf(turn.ChannelId, turn.SenderId, _options.Partitions);
        var queue = QueueKey(partition);
        var seen = SeenKey(turn.ChannelId, turn.MessageId);
        // Both checks go out together (one round trip); a repeat is acknowledged even when the partition is full.
        var alreadySeen = db.KeyExistsAsync(seen);
        var waiting = db.ListLengthAsync(queue);
        await Task.WhenAll(alreadySeen, waiting);
        if (await alreadySeen)
        {
            return InboxAcceptance.Duplicate;
        }

        if (await waiting >= Math.Max(1, _options.Capacity / _options.Partitions))
        {
            return InboxAcceptance.Full;
        }

        var store = db.CreateTransaction();
        store.AddCondition(Condition.KeyNotExists(seen));
        _ = store.StringSetAsync(seen, 1, DedupWindow);
        _ = store.ListLeftPushAsync(queue, turn.Serialize());
        if (!await store.ExecuteAsync())
        {
            return InboxAcceptance.Duplicate;
        }

        _wakeUps[partition].Writer.TryWrite(true);
        return InboxAcceptance.Accepted;
    }

    /// <summary>Moves the oldest waiting turn of a partition to the instance's processing list; null when none waits.</summary>
    public async Task<RedisValue?> TakeAsync(int partition, string instanceId)
    {
        var value = await Db.ListMoveAsync(QueueKey(partition), ProcessingKey(instanceId), ListSide.Right, ListSide.Left);
        return value.IsNull ? (RedisValue?)null : value;
    }

    /// <summary>Removes a finished turn from the instance's processing list.</summary>
    public Task DoneAsync(string instanceId, RedisValue item) => Db.ListRemoveAsync(ProcessingKey(instanceId), item, 1);

    /// <summary>Waits until this instance accepted a turn for the partition, or <paramref name="poll"/> passed.</summary>
    public async Task WaitForWorkAsync(int partition, TimeSpan poll, TimeProvider time, CancellationToken cancellationToken)
    {
        var reader = _wakeUps[partition].Reader;
        if (reader.TryRead(out _))
        {
            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(reader.WaitToReadAsync(wait.Token).AsTask(), Task.Delay(poll, time, wait.Token));
        await wait.CancelAsync();
        reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Renews the instance's lease.</summary>
    public Task HeartbeatAsync(string instanceId, DateTimeOffset now) =>
        Db.HashSetAsync(Workers, instanceId, (now + _options.Lease).ToUnixTimeMilliseconds());

    /// <summary>Gives up the lease of an instance that stopped with nothing in its processing list.</summary>
    public async Task<bool> LeaveIfIdleAsync(string instanceId)
    {
        var db = Db;
        if (await db.ListLengthAsync(ProcessingKey(instanceId)) > 0)
        {
            return false;
        }

        await db.HashDeleteAsync(Workers, instanceId);
        return true;
    }

    /// <summary>
    /// Puts an instance's unfinished turns back at the head of their partitions, so they are taken next, before later
    /// messages of the same senders. Each move is one LMOVE, so a turn is never lost nor doubled, even when two
    /// instances return the same list at once (at worst a turn lands in another partition and runs out of order).
    /// Returns how many moved.
    /// </summary>
    public async Task<int> ReturnAsync(string instanceId)
    {
        var db = Db;
        var processing = ProcessingKey(instanceId);
        var returned = 0;
        // Newest (left) first, each to the right end of its queue: the oldest ends up rightmost and is taken first.
        while (await db.ListGetByIndexAsync(processing, 0) is { IsNull: false } newest)
        {
            var partition = InboundTurn.TryParse(newest.ToString()) is { } turn ? InboundTurn.PartitionOf(turn.ChannelId, turn.SenderId, _options.Partitions) : 0;
            if ((await db.ListMoveAsync(processing, QueueKey(partition), ListSide.Left, ListSide.Right)).IsNull)
            {
                break;
            }

            _wakeUps[partition].Writer.TryWrite(true);
            returned++;
        }

        return returned;
    }

    /// <summary>
    /// Returns the turns of instances whose lease expired (<see cref="ReturnAsync"/>) and forgets those instances; a lock
    /// per dead instance makes one live instance do it. Returns how many turns were put back.
    /// </summary>
    public async Task<int> RecoverAsync(string selfId, DateTimeOffset now)
    {
        var db = Db;
        var returned = 0;
        foreach (var worker in await db.HashGetAllAsync(Workers))
        {
            var instance = worker.Name.ToString();
            if (instance == selfId || (long)worker.Value > now.ToUnixTimeMilliseconds()
                || !await db.StringSetAsync(RecoveryKey(instance), selfId, TimeSpan.FromMinutes(1), When.NotExists))
            {
                continue;
            }

            returned += await ReturnAsync(instance);
            await db.HashDeleteAsync(Workers, instance);
            await db.KeyDeleteAsync(RecoveryKey(instance));
        }

        return returned;
    }
}
