using System.Text.Json;
using System.Text.Json.Serialization;
using PartyAffairs.Delivery;
using PartyAffairs.Delivery.Queues;
using StackExchange.Redis;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// The reminders' side of the store: occurrences, the idempotency keys and their states, scan markers, and the delivery
/// queue itself, a <see cref="WorkQueue"/> named <see cref="ReminderKeys.QueueName"/> whose recovery follows the keys'
/// claimed/sending rules (<see cref="RecoverItemAsync"/>). Only plain commands (no Lua), so Redis 7 and Garnet behave the
/// same; see docs/scheduler.md for the argument.
/// </summary>
public sealed class ReminderDeliveryStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly IConnectionMultiplexer _connection;
    private readonly ReminderOptions _options;

    /// <summary>The store over the host's connection; the queue is worked by <paramref name="instance"/> (a new one when omitted).</summary>
    public ReminderDeliveryStore(IConnectionMultiplexer connection, ReminderOptions options, DeliveryInstance? instance = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        _connection = connection;
        _options = options;
        Queue = new WorkQueue(connection, instance ?? new DeliveryInstance(), new WorkQueueOptions { Name = ReminderKeys.QueueName, Lease = options.Lease }, time ?? TimeProvider.System);
    }

    /// <summary>The delivery queue (items <c>occurrenceId \n memberId \n channelId</c>).</summary>
    public WorkQueue Queue { get; }

    private IDatabase Db => _connection.GetDatabase();

    /// <summary>True when the occurrence was fully queued (or dropped) before.</summary>
    public async Task<bool> IsQueuedAsync(string occurrenceId) => (await Db.HashGetAsync(ReminderKeys.Occurrence(occurrenceId), "q")).HasValue;

    /// <summary>Marks an occurrence (or a send slot) as queued, with the retention of the idempotency keys.</summary>
    public async Task MarkQueuedAsync(string occurrenceId)
    {
        var key = ReminderKeys.Occurrence(occurrenceId);
        await Db.HashSetAsync(key, "q", "1");
        await Db.KeyExpireAsync(key, _options.KeyRetention);
    }

    /// <summary>Marks an occurrence as handled without queueing (dropped after downtime).</summary>
    public Task MarkDroppedAsync(string occurrenceId) => Db.HashSetAsync(ReminderKeys.Occurrence(occurrenceId), "q", "dropped");

    /// <summary>Stores the occurrence and queues one item per recipient; marks it queued last, so an interrupted run is redone.</summary>
    public async Task EnqueueAsync(OccurrenceRecord occurrence, IReadOnlyList<DeliveryItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        ArgumentNullException.ThrowIfNull(items);
        var db = Db;
        var key = ReminderKeys.Occurrence(occurrence.Id);
        await db.HashSetAsync(key, "m", JsonSerializer.Serialize(occurrence, Json));
        await db.KeyExpireAsync(key, _options.KeyRetention);
        await Queue.EnqueueAsync(items.Select(item => (RedisValue)item.ToString()).ToArray(), cancellationToken: cancellationToken);
        await db.HashSetAsync(key, "q", "1");
    }

    /// <summary>The stored occurrence, or null.</summary>
    public async Task<OccurrenceRecord?> GetOccurrenceAsync(string occurrenceId)
    {
        var value = await Db.HashGetAsync(ReminderKeys.Occurrence(occurrenceId), "m");
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<OccurrenceRecord>(value.ToString(), Json);
    }

    /// <summary>Takes the idempotency key for this instance; false when it exists (someone claimed or finished it).</summary>
    public Task<bool> ClaimAsync(RedisKey key, string instanceId) =>
        Db.StringSetAsync(key, $"{ReminderState.Claimed}|{instanceId}", _options.KeyRetention, When.NotExists);

    /// <summary>Records a key's final state (first writer wins for keys nobody claimed).</summary>
    public Task<bool> SetStateAsync(RedisKey key, string state, string detail, bool claimedFirst) =>
        Db.StringSetAsync(key, $"{state}|{detail}", _options.KeyRetention, claimedFirst ? When.Exists : When.NotExists);

    /// <summary>
    /// Moves a key this instance claimed to “sending”; false when the claim is no longer this instance's (its lease lapsed
    /// and another instance released and re-queued the item), in which case the caller must not send.
    /// </summary>
    public async Task<bool> StartSendingAsync(RedisKey key, string instanceId)
    {
        // WATCH/MULTI rather than SET … IFEQ: Redis 7 and the embedded Garnet have no compare-and-set.
#pragma warning disable SER301
        var start = Db.CreateTransaction();
        start.AddCondition(Condition.StringEqual(key, $"{ReminderState.Claimed}|{instanceId}"));
        _ = start.StringSetAsync(key, $"{ReminderState.Sending}|{instanceId}", _options.KeyRetention);
#pragma warning restore SER301
        return await start.ExecuteAsync();
    }

    /// <summary>The stored state of a key, or null.</summary>
    public async Task<string?> GetStateAsync(RedisKey key) => (await Db.StringGetAsync(key)) is { HasValue: true } v ? v.ToString() : null;

    /// <summary>Up to when a branch's group was planned and fanned out; null before its first run.</summary>
    public async Task<DateTimeOffset?> GetScannedAsync(string branchId, string group)
    {
        var value = await Db.StringGetAsync(ReminderKeys.Scanned(branchId, group));
        return value.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds((long)value) : null;
    }

    /// <summary>Records up to when a branch's group was planned and fanned out.</summary>
    public Task SetScannedAsync(string branchId, string group, DateTimeOffset until) =>
        Db.StringSetAsync(ReminderKeys.Scanned(branchId, group), until.ToUnixTimeMilliseconds());

    /// <summary>
    /// The delivery queue's recovery rule for an item of a stopped or dead instance (<see cref="RecoveryHook"/>): no key,
    /// or a key still “claimed” by that instance (the channel was never called) → the claim is released and the item
    /// returns; a key “sending” by it → recorded as failed (the outcome is unknown and re-sending could double it); a final
    /// key, or an unreadable item → dropped. Releases and failures are WATCH/MULTI on the exact value seen.
    /// </summary>
    public async Task<RecoveredItem> RecoverItemAsync(RedisValue value, string instance)
    {
        if (DeliveryItem.Parse(value.ToString()) is not { } item)
        {
            return RecoveredItem.Drop;
        }

        var db = Db;
        var key = ReminderKeys.Reminder(item.OccurrenceId, item.MemberId);
        var state = await db.StringGetAsync(key);
        if (!state.HasValue)
        {
            return RecoveredItem.Return;
        }

        var owned = state.ToString().EndsWith($"|{instance}", StringComparison.Ordinal);
        // WATCH/MULTI rather than compare-and-set commands: Redis 7 and the embedded Garnet have none.
#pragma warning disable SER301
        if (owned && ReminderState.Of(state.ToString()) == ReminderState.Claimed)
        {
            var release = db.CreateTransaction();
            release.AddCondition(Condition.StringEqual(key, state));
            _ = release.KeyDeleteAsync(key);
            return await release.ExecuteAsync() ? RecoveredItem.Return : RecoveredItem.Drop;
        }

        if (owned && ReminderState.Of(state.ToString()) == ReminderState.Sending)
        {
            var fail = db.CreateTransaction();
            fail.AddCondition(Condition.StringEqual(key, state));
            _ = fail.StringSetAsync(key, $"{ReminderState.Failed}|interrupted", _options.KeyRetention);
            return await fail.ExecuteAsync() ? RecoveredItem.Interrupted : RecoveredItem.Drop;
        }
#pragma warning restore SER301

        return RecoveredItem.Drop;
    }
}
