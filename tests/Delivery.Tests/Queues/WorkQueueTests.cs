using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Delivery.Queues;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Delivery.Tests.Queues;

/// <summary>
/// The work queue's commands against a real store: taking, completing, parking and promoting, leases, and handing back a
/// dead instance's items. Run against redis-server and the embedded Garnet (plain commands and WATCH/MULTI must behave
/// the same on both).
/// </summary>
public abstract class WorkQueueTests(IConnectionMultiplexer connection)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
    private readonly string _name = "test:" + Guid.NewGuid().ToString("N")[..12];

    private IDatabase Db => connection.GetDatabase();

    private WorkQueue Queue(string instance, int partitions = 1, bool partitioned = false) => new(
        connection,
        new DeliveryInstance(instance),
        new WorkQueueOptions
        {
            Name = _name,
            Partitioned = partitioned,
            Partitions = partitions,
            PartitionOf = v => int.Parse(v.ToString().Split('/')[0], CultureInfo.InvariantCulture),
            Lease = Lease,
        },
        _clock);

    private static RedisValue[] Items(params string[] values) => [.. values.Select(v => (RedisValue)v)];

    private static async Task<List<string>> TakeAllAsync(WorkQueue queue, int partition = 0)
    {
        var taken = new List<string>();
        while (await queue.TakeAsync(partition) is { } item)
        {
            taken.Add(item.ToString());
        }

        return taken;
    }

    [Fact]
    public async Task Take_ThreeQueued_OldestFirstIntoTheProcessingListUntilCompleted()
    {
        var queue = Queue("a");
        await queue.EnqueueAsync(Items("0/r1", "0/r2", "0/r3"));

        var first = await queue.TakeAsync();

        Assert.Equal("0/r1", first.ToString());
        Assert.Equal(["0/r1"], (await queue.ProcessingAsync()).Select(v => v.ToString()));
        Assert.Equal(2, await queue.LengthAsync());
        await queue.CompleteAsync(first!.Value);
        Assert.Empty(await queue.ProcessingAsync());
        Assert.Equal(["0/r2", "0/r3"], await TakeAllAsync(queue));
        Assert.Equal("test:", _name[..5]);
        Assert.Equal(WorkQueueKeys.Queue(_name, false, 0), queue.QueueKey());
        Assert.Equal((RedisKey)$"{_name}:queue", queue.QueueKey());
    }

    [Fact]
    public async Task Recover_DeadInstancesLeaseExpired_ItsItemsGoBackAheadOfNewerOnes()
    {
        var dead = Queue("dead");
        var alive = Queue("alive");
        await alive.EnqueueAsync(Items("0/r1", "0/r2", "0/r3"));
        Assert.Equal(LeaseState.Started, await dead.HeartbeatAsync());
        Assert.Equal("0/r1", (await dead.TakeAsync()).ToString());

        Assert.Equal(RecoveryReport.None.Total, (await alive.RecoverAsync(hook: null)).Total);
        _clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var report = await alive.RecoverAsync(hook: null);

        Assert.Equal((1, 0, 0), (report.Returned, report.Dropped, report.Interrupted));
        Assert.Equal(["dead"], report.Instances);
        Assert.Equal(["0/r1", "0/r2", "0/r3"], await TakeAllAsync(alive));
        Assert.Equal(0, await Db.ListLengthAsync(dead.ProcessingKey("dead")));
        Assert.False(await Db.HashExistsAsync(alive.WorkersKey, "dead"));
        Assert.False(await Db.KeyExistsAsync(WorkQueueKeys.Recovery(_name, "dead")));
    }

    [Fact]
    public async Task Recover_HookDecidesPerItem_ReturnedDroppedAndInterruptedCounted()
    {
        var dead = Queue("dead");
        var alive = Queue("alive");
        await dead.EnqueueAsync(Items("0/keep", "0/done", "0/cut"));
        await dead.HeartbeatAsync();
        Assert.Equal(3, (await TakeAllAsync(dead)).Count);
        _clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var seen = new List<(string Item, string Instance)>();

        var report = await alive.RecoverAsync((item, instance) =>
        {
            seen.Add((item.ToString(), instance));
            return Task.FromResult(item.ToString() switch
            {
                "0/keep" => RecoveredItem.Return,
                "0/cut" => RecoveredItem.Interrupted,
                _ => RecoveredItem.Drop,
            });
        });

        Assert.Equal((1, 1, 1), (report.Returned, report.Dropped, report.Interrupted));
        Assert.Equal([("0/cut", "dead"), ("0/done", "dead"), ("0/keep", "dead")], seen);
        Assert.Equal(["0/keep"], await TakeAllAsync(alive));
        Assert.False(await Db.KeyExistsAsync(dead.ProcessingKey("dead")));
    }

    [Fact]
    public async Task ReturnAll_TwoInstancesEmptyTheSameListAtOnce_EveryItemBackExactlyOnce()
    {
        var dead = Queue("dead");
        var items = Enumerable.Range(0, 60).Select(i => $"0/i{i:00}").ToArray();
        await dead.EnqueueAsync(Items(items));
        Assert.Equal(60, (await TakeAllAsync(dead)).Count);
        await using var other = await ConnectionMultiplexer.ConnectAsync(connection.Configuration);
        var first = Queue("one");
        var second = new WorkQueue(other, new DeliveryInstance("two"), new WorkQueueOptions { Name = _name, Lease = Lease }, _clock);

        var reports = await Task.WhenAll(Task.Run(() => first.ReturnAllAsync("dead", hook: null)), Task.Run(() => second.ReturnAllAsync("dead", hook: null)));

        Assert.Equal(60, reports.Sum(r => r.Returned));
        var back = await TakeAllAsync(first);
        Assert.Equal(items.Order(StringComparer.Ordinal), back.Order(StringComparer.Ordinal));
        Assert.Equal(items, back); // the oldest first, as they were queued
    }

    [Fact]
    public async Task Delay_ThenPromoteDue_BackInTheQueueOnceEvenWithTwoPromoters()
    {
        var queue = Queue("a");
        var other = Queue("b");
        await queue.EnqueueAsync(Items("0/later"));
        var item = (await queue.TakeAsync())!.Value;

        await queue.DelayAsync(item, _clock.GetUtcNow().AddMinutes(10));
        Assert.Empty(await queue.ProcessingAsync());
        Assert.Equal(0, await queue.PromoteDueAsync());
        _clock.Advance(TimeSpan.FromMinutes(10));
        var promoted = await Task.WhenAll(queue.PromoteDueAsync(), other.PromoteDueAsync());

        Assert.Equal(1, promoted.Sum());
        Assert.Equal(["0/later"], await TakeAllAsync(queue));
        Assert.Equal(0, await Db.SortedSetLengthAsync(queue.DelayedKey));
    }

    [Fact]
    public async Task Heartbeat_AfterAnotherInstanceRecoveredThisOne_ReportsTheLeaseLost()
    {
        var stalled = Queue("stalled");
        var alive = Queue("alive");
        Assert.Equal(LeaseState.Started, await stalled.HeartbeatAsync());
        Assert.Equal(LeaseState.Held, await stalled.HeartbeatAsync());

        _clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await alive.RecoverAsync(hook: null);

        Assert.Equal(LeaseState.Lost, await stalled.HeartbeatAsync());
        Assert.Equal(LeaseState.Held, await stalled.HeartbeatAsync());
        Assert.True(await stalled.LeaveAsync());
        Assert.Equal(LeaseState.Started, await stalled.HeartbeatAsync());
    }

    [Fact]
    public async Task EnqueueTaken_CreatorDiesBeforeAHeartbeat_ItemRecoveredAfterTheLease()
    {
        var creator = Queue("creator");
        var alive = Queue("alive");

        await creator.EnqueueTakenAsync("0/round");

        Assert.Equal(["0/round"], (await creator.ProcessingAsync()).Select(v => v.ToString()));
        Assert.Equal(LeaseState.Held, await creator.HeartbeatAsync());
        Assert.Equal(0, (await alive.RecoverAsync(hook: null)).Total);
        _clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await alive.RecoverAsync(hook: null)).Returned);
        Assert.Equal(["0/round"], await TakeAllAsync(alive));
    }

    [Fact]
    public async Task ReturnOwn_ItemNoLoopHolds_GoesBackOnceAndAgainIsNothing()
    {
        var queue = Queue("a");
        await queue.EnqueueAsync(Items("0/x", "0/y"));
        var x = (await queue.TakeAsync())!.Value;

        Assert.Equal(RecoveredItem.Return, await queue.ReturnOwnAsync(x, hook: null));
        Assert.Null(await queue.ReturnOwnAsync(x, hook: null));

        Assert.Empty(await queue.ProcessingAsync());
        Assert.Equal(["0/x", "0/y"], await TakeAllAsync(queue));
    }

    [Fact]
    public async Task Partitioned_ItemsOfADeadInstance_ReturnToTheirOwnPartitions()
    {
        var dead = Queue("dead", partitions: 3, partitioned: true);
        var alive = Queue("alive", partitions: 3, partitioned: true);
        await dead.EnqueueAsync(Items("1/a"), partition: 1);
        await dead.EnqueueAsync(Items("2/b"), partition: 2);
        await dead.HeartbeatAsync();
        Assert.NotNull(await dead.TakeAsync(1));
        Assert.NotNull(await dead.TakeAsync(2));
        _clock.Advance(Lease + TimeSpan.FromSeconds(1));

        Assert.Equal(2, (await alive.RecoverAsync(hook: null)).Returned);

        Assert.Equal((RedisKey)$"{_name}:1", alive.QueueKey(1));
        Assert.Empty(await TakeAllAsync(alive, 0));
        Assert.Equal(["1/a"], await TakeAllAsync(alive, 1));
        Assert.Equal(["2/b"], await TakeAllAsync(alive, 2));
    }

    [Fact]
    public async Task WaitForWork_ItemQueuedByThisProcess_WakesWithoutWaitingForThePoll()
    {
        var queue = Queue("a");
        var waiting = queue.WaitForWorkAsync(0, TimeSpan.FromHours(1), CancellationToken.None);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        await queue.EnqueueAsync(Items("0/now"));

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }
}

/// <summary>The work queue against a real redis-server.</summary>
[Collection(RedisGroup.Name)]
public sealed class WorkQueueOnRedisTests(RedisServerFixture redis) : WorkQueueTests(redis.Connection);

/// <summary>The work queue against the embedded Garnet.</summary>
public sealed class WorkQueueOnGarnetTests(GarnetFixture garnet) : WorkQueueTests(garnet.Connection), IClassFixture<GarnetFixture>;
