using System.Text.Json;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// The Redis-backed delivery queue: occurrences, their items, per-instance processing lists, leases, and the idempotency
/// keys. Only plain commands (no Lua), so Redis 7 and Garnet behave the same; see docs/scheduler.md for the argument.
/// </summary>
public sealed class ReminderDeliveryStore(IConnectionMultiplexer connection, ReminderOptions options)
{
    private const int PushChunk = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private IDatabase Db => connection.GetDatabase();

    /// <summary>True when the occurrence was fully queued (or dropped) before.</summary>
    public async Task<bool> IsQueuedAsync(string occurrenceId) => (await Db.HashGetAsync(ReminderKeys.Occurrence(occurrenceId), "q")).HasValue;

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
        await db.KeyExpireAsync(key, options.KeyRetention);
        for (var i = 0; i < items.Count; i += PushChunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = items.Skip(i).Take(PushChunk).Select(item => (RedisValue)item.ToString()).ToArray();
            await db.ListLeftPushAsync(ReminderKeys.Queue, chunk);
        }

        await db.HashSetAsync(key, "q", "1");
    }

    /// <summary>The stored occurrence, or null.</summary>
    public async Task<OccurrenceRecord?> GetOccurrenceAsync(string occurrenceId)
    {
        var value = await Db.HashGetAsync(ReminderKeys.Occurrence(occurrenceId), "m");
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<OccurrenceRecord>(value.ToString(), Json);
    }

    /// <summary>Moves the oldest waiting item to this instance's processing list; null when the queue is empty.</summary>
    public async Task<string?> TakeAsync(string instanceId)
    {
        var value = await Db.ListMoveAsync(ReminderKeys.Queue, ReminderKeys.Processing(instanceId), ListSide.Right, ListSide.Left);
        return value.IsNull ? null : value.ToString();
    }

    /// <summary>Removes a finished item from this instance's processing list.</summary>
    public Task DoneAsync(string instanceId, string item) => Db.ListRemoveAsync(ReminderKeys.Processing(instanceId), item, 1);

    /// <summary>Takes the idempotency key for this instance; false when it exists (someone claimed or finished it).</summary>
    public Task<bool> ClaimAsync(RedisKey key, string instanceId) =>
        Db.StringSetAsync(key, $"{ReminderState.Claimed}|{instanceId}", options.KeyRetention, When.NotExists);

    /// <summary>Records a key's final state (first writer wins for keys nobody claimed).</summary>
    public Task<bool> SetStateAsync(RedisKey key, string state, string detail, bool claimedFirst) =>
        Db.StringSetAsync(key, $"{state}|{detail}", options.KeyRetention, claimedFirst ? When.Exists : When.NotExists);

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
        _ = start.StringSetAsync(key, $"{ReminderState.Sending}|{instanceId}", options.KeyRetention);
#pragma warning restore SER301
        return await start.ExecuteAsync();
    }

    /// <summary>The stored state of a key, or null.</summary>
    public async Task<string?> GetStateAsync(RedisKey key) => (await Db.StringGetAsync(key)) is { HasValue: true } v ? v.ToString() : null;

    /// <summary>Parks an item until <paramref name="until"/> (quiet hours) and removes it from processing.</summary>
    public async Task DelayAsync(string instanceId, string item, DateTimeOffset until)
    {
        await Db.SortedSetAddAsync(ReminderKeys.Delayed, item, until.ToUnixTimeMilliseconds());
        await DoneAsync(instanceId, item);
    }

    /// <summary>Moves parked items whose time has come back to the queue; ZREM decides which instance moves each.</summary>
    public async Task<int> PromoteDueAsync(DateTimeOffset now)
    {
        var db = Db;
        var due = await db.SortedSetRangeByScoreAsync(ReminderKeys.Delayed, double.NegativeInfinity, now.ToUnixTimeMilliseconds(), take: 1000);
        var moved = 0;
        foreach (var item in due)
        {
            if (await db.SortedSetRemoveAsync(ReminderKeys.Delayed, item))
            {
                await db.ListLeftPushAsync(ReminderKeys.Queue, item);
                moved++;
            }
        }

        return moved;
    }

    /// <summary>Up to when a branch's group was planned and fanned out; null before its first run.</summary>
    public async Task<DateTimeOffset?> GetScannedAsync(string branchId, string group)
    {
        var value = await Db.StringGetAsync(ReminderKeys.Scanned(branchId, group));
        return value.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds((long)value) : null;
    }

    /// <summary>Records up to when a branch's group was planned and fanned out.</summary>
    public Task SetScannedAsync(string branchId, string group, DateTimeOffset until) =>
        Db.StringSetAsync(ReminderKeys.Scanned(branchId, group), until.ToUnixTimeMilliseconds());

    /// <summary>Renews this instance's lease.</summary>
    public Task HeartbeatAsync(string instanceId, DateTimeOffset now) =>
        Db.HashSetAsync(ReminderKeys.Workers, instanceId, (now + options.Lease).ToUnixTimeMilliseconds());

    /// <summary>Gives up this instance's lease on a clean stop (its processing list is then empty or recovered by others).</summary>
    public Task LeaveAsync(string instanceId) => Db.HashDeleteAsync(ReminderKeys.Workers, instanceId);

    /// <summary>
    /// Hands the in-flight items of instances whose lease expired back to the queue: a key still “claimed” by the dead
    /// instance is released (the channel was never called); a key “sending” is recorded as failed (the outcome is unknown
    /// and re-sending could double it); an item whose key is final is dropped.
    /// </summary>
    public async Task<(int Returned, int Interrupted, IReadOnlyList<string> Instances)> RecoverAsync(string selfId, DateTimeOffset now)
    {
        var db = Db;
        var returned = 0;
        var interrupted = 0;
        var recovered = new List<string>();
        foreach (var worker in await db.HashGetAllAsync(ReminderKeys.Workers))
        {
            var instance = worker.Name.ToString();
            if (instance == selfId || (long)worker.Value > now.ToUnixTimeMilliseconds())
            {
                continue;
            }

            if (!await db.StringSetAsync(ReminderKeys.Recovery(instance), selfId, TimeSpan.FromMinutes(1), When.NotExists))
            {
                continue;
            }

            recovered.Add(instance);
            var processing = ReminderKeys.Processing(instance);
            foreach (var value in await db.ListRangeAsync(processing))
            {
                var outcome = await ReturnAsync(db, value, instance);
                returned += outcome == ReturnOutcome.Returned ? 1 : 0;
                interrupted += outcome == ReturnOutcome.Interrupted ? 1 : 0;
            }

            await db.KeyDeleteAsync(processing);
            await db.HashDeleteAsync(ReminderKeys.Workers, instance);
        }

        return (returned, interrupted, recovered);
    }

    /// <summary>
    /// Hands back what is left in this instance's own processing list when none of its loops is running (an item whose
    /// handling threw: unreadable settings or occurrence, a store error mid-way), by the same rules as
    /// <see cref="RecoverAsync"/>. Returns how many items went back to the queue.
    /// </summary>
    public async Task<int> RequeueOwnAsync(string instanceId)
    {
        var db = Db;
        var processing = ReminderKeys.Processing(instanceId);
        var returned = 0;
        foreach (var value in await db.ListRangeAsync(processing))
        {
            returned += await ReturnAsync(db, value, instanceId) == ReturnOutcome.Returned ? 1 : 0;
            await db.ListRemoveAsync(processing, value, 1);
        }

        return returned;
    }

    // WATCH/MULTI rather than compare-and-set commands: Redis 7 and the embedded Garnet have none.
#pragma warning disable SER301
    private async Task<ReturnOutcome> ReturnAsync(IDatabase db, RedisValue value, string instance)
    {
        if (DeliveryItem.Parse(value.ToString()) is not { } item)
        {
            return ReturnOutcome.Dropped;
        }

        var key = ReminderKeys.Reminder(item.OccurrenceId, item.MemberId);
        var state = await db.StringGetAsync(key);
        var owned = state.HasValue && state.ToString().EndsWith($"|{instance}", StringComparison.Ordinal);
        if (!state.HasValue || (owned && ReminderState.Of(state.ToString()) == ReminderState.Claimed))
        {
            if (state.HasValue)
            {
                var release = db.CreateTransaction();
                release.AddCondition(Condition.StringEqual(key, state));
                _ = release.KeyDeleteAsync(key);
                if (!await release.ExecuteAsync())
                {
                    return ReturnOutcome.Dropped;
                }
            }

            await db.ListLeftPushAsync(ReminderKeys.Queue, value);
            return ReturnOutcome.Returned;
        }

        if (owned && ReminderState.Of(state.ToString()) == ReminderState.Sending)
        {
            var fail = db.CreateTransaction();
            fail.AddCondition(Condition.StringEqual(key, state));
            _ = fail.StringSetAsync(key, $"{ReminderState.Failed}|interrupted", options.KeyRetention);
            return await fail.ExecuteAsync() ? ReturnOutcome.Interrupted : ReturnOutcome.Dropped;
        }

        return ReturnOutcome.Dropped;
    }
#pragma warning restore SER301

    private enum ReturnOutcome
    {
        Returned,
        Interrupted,
        Dropped,
    }
}
