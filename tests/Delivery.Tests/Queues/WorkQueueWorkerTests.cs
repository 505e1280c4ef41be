using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using PartyAffairs.Delivery.Queues;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Delivery.Tests.Queues;

/// <summary>The worker on a real redis-server: loops, stop with work in hand, failing handlers, a lease that lapsed.</summary>
[Collection(RedisGroup.Name)]
public sealed class WorkQueueWorkerTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMilliseconds(900);
    private readonly string _name = "worker:" + Guid.NewGuid().ToString("N")[..12];

    private WorkQueue Queue(string instance) =>
        new(redis.Connection, new DeliveryInstance(instance), new WorkQueueOptions { Name = _name, Lease = Lease }, TimeProvider.System);

    private static WorkQueueWorker Worker(WorkQueue queue, WorkHandler handler, RecoveryHook? hook = null, int parallelism = 1) => new(
        queue,
        handler,
        new WorkerOptions { Parallelism = parallelism, PollInterval = TimeSpan.FromMilliseconds(50), ShutdownGrace = TimeSpan.FromMilliseconds(100), Recovery = hook },
        TimeProvider.System,
        NullLogger.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what);
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Drain_ThreeLoops_EveryItemHandledOnceAndTheListsEmpty()
    {
        var queue = Queue("a");
        var items = Enumerable.Range(0, 100).Select(i => (RedisValue)$"i{i}").ToArray();
        await queue.EnqueueAsync(items);
        var handled = new ConcurrentBag<string>();
        using var worker = Worker(queue, (item, _) =>
        {
            handled.Add(item.ToString());
            return Task.FromResult(WorkResult.Completed);
        }, parallelism: 3);

        await worker.DrainAsync(CancellationToken.None);

        Assert.Equal(items.Select(i => i.ToString()).Order(StringComparer.Ordinal), handled.Order(StringComparer.Ordinal));
        Assert.Equal(0, await queue.LengthAsync());
        Assert.Empty(await queue.ProcessingAsync());
    }

    [Fact]
    public async Task Stop_ItemStillRunningAfterTheGrace_CancelledAndBackAtTheHeadForTheNextWorker()
    {
        var first = Queue("first");
        await first.EnqueueAsync(["old", "newer"]);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = false;
        var worker = Worker(first, async (item, ct) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }

            return WorkResult.Completed;
        });
        worker.Start();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await worker.StopAsync(CancellationToken.None);
        worker.Dispose();

        Assert.True(cancelled);
        Assert.Empty(await first.ProcessingAsync());
        Assert.False(await redis.Connection.GetDatabase().HashExistsAsync(first.WorkersKey, "first"));
        var next = Queue("next");
        Assert.Equal("old", (await next.TakeAsync()).ToString());
        Assert.Equal("newer", (await next.TakeAsync()).ToString());
    }

    [Fact]
    public async Task Maintain_HandlerFailedOnAnItem_HandedBackThroughTheHookAtTheSecondPass()
    {
        var queue = Queue("a");
        await queue.EnqueueAsync(["boom"]);
        var hooked = new ConcurrentQueue<string>();
        var runs = 0;
        using var worker = Worker(
            queue,
            (_, _) => Interlocked.Increment(ref runs) == 1 ? throw new InvalidOperationException("store hiccup") : Task.FromResult(WorkResult.Completed),
            (item, instance) =>
            {
                hooked.Enqueue($"{item}@{instance}");
                return Task.FromResult(RecoveredItem.Return);
            });

        await Assert.ThrowsAsync<InvalidOperationException>(() => worker.DrainAsync(CancellationToken.None));
        Assert.Equal(["boom"], (await queue.ProcessingAsync()).Select(v => v.ToString()));
        await worker.MaintainAsync(CancellationToken.None);
        Assert.Empty(hooked); // one pass is not enough: it might have been between its take and its registration
        await worker.MaintainAsync(CancellationToken.None);

        Assert.Equal(["boom@a"], hooked);
        await worker.DrainAsync(CancellationToken.None);
        Assert.Equal(2, runs);
        Assert.Empty(await queue.ProcessingAsync());
    }

    [Fact]
    public async Task Lease_LapsedWhileTheItemRan_TheRecovererRunsItAndTheStalledWorkerAbandonsIt()
    {
        var stalled = Queue("stalled");
        var rescuer = Queue("rescuer");
        await stalled.EnqueueAsync(["job"]);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var abandoned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stalledWorker = Worker(stalled, async (_, ct) =>
        {
            try
            {
                await release.Task.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                abandoned.TrySetResult();
                throw;
            }

            return WorkResult.Completed;
        });
        var draining = stalledWorker.DrainAsync(CancellationToken.None);
        await WaitUntilAsync(() => stalledWorker.Running == 1, "the stalled worker took the job");

        // Its lease lapses (no maintenance ran), another instance recovers and runs the job.
        await Task.Delay(Lease + TimeSpan.FromMilliseconds(200));
        var ran = new ConcurrentQueue<string>();
        using var rescuerWorker = Worker(rescuer, (item, _) =>
        {
            ran.Enqueue(item.ToString());
            return Task.FromResult(WorkResult.Completed);
        });
        await rescuerWorker.MaintainAsync(CancellationToken.None);
        await rescuerWorker.DrainAsync(CancellationToken.None);
        Assert.Equal(["job"], ran);

        // The stalled instance's next heartbeat finds its lease gone and cancels what it still runs.
        await stalledWorker.MaintainAsync(CancellationToken.None);
        await abandoned.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await draining.WaitAsync(TimeSpan.FromSeconds(10));
        stalledWorker.Dispose();
        Assert.Equal(["job"], ran);
        Assert.Equal(0, await rescuer.LengthAsync());
    }

    [Fact]
    public async Task Delay_ItemParked_QueuedAgainByMaintenanceOnceItsInstantCame()
    {
        var queue = Queue("a");
        await queue.EnqueueAsync(["later"]);
        var runs = 0;
        using var worker = Worker(queue, (_, _) => Task.FromResult(Interlocked.Increment(ref runs) == 1
            ? WorkResult.Delay(DateTimeOffset.UtcNow.AddMilliseconds(300))
            : WorkResult.Completed));

        await worker.DrainAsync(CancellationToken.None);
        Assert.Equal(1, runs);
        Assert.Equal(1, await redis.Connection.GetDatabase().SortedSetLengthAsync(queue.DelayedKey));
        await Task.Delay(400);
        await worker.MaintainAsync(CancellationToken.None);
        await worker.DrainAsync(CancellationToken.None);

        Assert.Equal(2, runs);
        Assert.Equal(0, await redis.Connection.GetDatabase().SortedSetLengthAsync(queue.DelayedKey));
        Assert.Empty(await queue.ProcessingAsync());
    }

    [Fact]
    public async Task Start_ItemQueuedByThisProcess_RunAtOnceAndWhenIdleWaitsForIt()
    {
        var queue = Queue("a");
        var ran = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = Worker(queue, (item, _) =>
        {
            ran.TrySetResult(item.ToString());
            return Task.FromResult(WorkResult.Completed);
        });
        worker.Start();

        await queue.EnqueueAsync(["hello"]);

        Assert.Equal("hello", await ran.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await worker.WhenIdleAsync();
        await worker.StopAsync(CancellationToken.None);
        worker.Dispose();
        Assert.Empty(await queue.ProcessingAsync());
    }
}
