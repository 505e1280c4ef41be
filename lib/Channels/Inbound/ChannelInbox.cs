using Microsoft.Extensions.Options;
using PartyAffairs.Delivery;
using PartyAffairs.Delivery.Queues;
using StackExchange.Redis;

namespace PartyAffairs.Channels.Inbound;

/// <summary>
/// The durable queue between an acknowledged platform callback and its turn: a partitioned <see cref="WorkQueue"/> named
/// <see cref="QueueName"/> (one sender's turns share a partition). A callback is acknowledged only after
/// <see cref="AcceptAsync"/> stored it; <see cref="ChannelInboxWorker"/> runs it on whichever instance takes it, and the
/// queue hands a stopped or dead instance's turns back. Keys are listed in docs/channels.md.
/// </summary>
public sealed class ChannelInbox
{
    /// <summary>The inbox queue's name: its keys (<see cref="WorkQueueKeys"/>) start with it.</summary>
    public const string QueueName = "pa:channel:inbox";

    /// <summary>How long a message id is remembered: a repeat within it is acknowledged and does nothing.</summary>
    public static readonly TimeSpan DedupWindow = TimeSpan.FromMinutes(10);

    /// <summary>Hash of live instances: field = instance id, value = lease expiry (unix ms).</summary>
    public static readonly RedisKey Workers = WorkQueueKeys.Workers(QueueName);

    private readonly IConnectionMultiplexer _connection;
    private readonly ChannelQueueOptions _options;

    /// <summary>An inbox over the host's Redis connection, worked by <paramref name="instance"/> (a new one when omitted).</summary>
    public ChannelInbox(IConnectionMultiplexer connection, IOptions<ChannelQueueOptions> options, DeliveryInstance? instance = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        _connection = connection;
        _options = options.Value;
        var partitions = _options.Partitions;
        Queue = new WorkQueue(
            connection,
            instance ?? new DeliveryInstance(),
            new WorkQueueOptions
            {
                Name = QueueName,
                Partitioned = true,
                Partitions = partitions,
                PartitionOf = item => InboundTurn.TryParse(item.ToString()) is { } turn ? InboundTurn.PartitionOf(turn.ChannelId, turn.SenderId, partitions) : 0,
                Lease = _options.Lease,
            },
            time ?? TimeProvider.System);
    }

    /// <summary>The work queue of the inbox.</summary>
    public WorkQueue Queue { get; }

    /// <summary>Partitions of the inbox.</summary>
    public int Partitions => _options.Partitions;

    /// <summary>The de-duplication key of a platform message id.</summary>
    public static RedisKey SeenKey(string channelId, string messageId) => $"pa:channel:seen:{channelId}:{messageId}";

    /// <summary>The list of turns waiting in a partition (LPUSH in, taken from the right).</summary>
    public static RedisKey QueueKey(int partition) => WorkQueueKeys.Queue(QueueName, partitioned: true, partition);

    /// <summary>The list of turns an instance took and has not finished.</summary>
    public static RedisKey ProcessingKey(string instanceId) => WorkQueueKeys.Processing(QueueName, instanceId);

    /// <summary>Lock taken while a dead instance's turns are recovered.</summary>
    public static RedisKey RecoveryKey(string instanceId) => WorkQueueKeys.Recovery(QueueName, instanceId);

    /// <summary>
    /// Stores the turn unless its message id was seen within <see cref="DedupWindow"/>: the seen-mark and the item are
    /// written in one transaction, so either both exist or neither. Throws <see cref="RedisException"/> or
    /// <see cref="TimeoutException"/> when the store is unreachable (then nothing was stored: do not acknowledge).
    /// </summary>
    public async Task<InboxAcceptance> AcceptAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        cancellationToken.ThrowIfCancellationRequested();
        var db = _connection.GetDatabase();
        var partition = InboundTurn.PartitionOf(turn.ChannelId, turn.SenderId, _options.Partitions);
        var seen = SeenKey(turn.ChannelId, turn.MessageId);
        // Both checks go out together (one round trip); a repeat is acknowledged even when the partition is full.
        var alreadySeen = db.KeyExistsAsync(seen);
        var waiting = db.ListLengthAsync(Queue.QueueKey(partition));
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
        _ = Queue.Enqueue(store, turn.Serialize(), partition);
        if (!await store.ExecuteAsync())
        {
            return InboxAcceptance.Duplicate;
        }

        Queue.Wake(partition);
        return InboxAcceptance.Accepted;
    }
}
