using System.Collections.Concurrent;

namespace PartyAffairs.Delivery.Queues;

/// <summary>
/// Runs one <see cref="WorkQueue"/> in this process: <see cref="WorkerOptions.Parallelism"/> loops per partition take
/// items (woken at once by local enqueues, otherwise every <see cref="WorkerOptions.PollInterval"/>) and hand them to the
/// <see cref="WorkHandler"/>; a maintenance loop renews the instance's lease every third of it, queues parked items whose
/// instant came, recovers the items of instances whose lease lapsed, and hands back items of this instance's own list
/// that no loop holds any more. On stop it takes nothing more, lets running items finish for
/// <see cref="WorkerOptions.ShutdownGrace"/>, cancels the rest and hands its whole list back to the queue (through the
/// recovery hook), then gives up its lease. A crash leaves the list to another instance's recovery after the lease.
/// </summary>
public sealed class WorkQueueWorker : IDisposable
{
    private static readonly TimeSpan AbortWait = TimeSpan.FromSeconds(5);

    private readonly WorkQueue _queue;
    private readonly WorkHandler _handler;
    private readonly WorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<RedisValue, int> _inFlight = new();
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly Lock _gate = new();
    private CancellationTokenSource _lease = new();
    private HashSet<RedisValue> _suspects = [];
    private Task[] _loops = [];
    private Task? _stop;
    private long _runs;
    private int _taking;
    private long _takesStarted;
    private int _disposed;

    /// <summary>A worker of <paramref name="queue"/> whose items <paramref name="handler"/> handles.</summary>
    public WorkQueueWorker(WorkQueue queue, WorkHandler handler, WorkerOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _queue = queue;
        _handler = handler;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The queue this worker runs.</summary>
    public WorkQueue Queue => _queue;

    /// <summary>Items being handled now.</summary>
    public int Running => _running.Count;

    /// <summary>
    /// One maintenance pass: renew the lease (a lost lease abandons the running items, which others now own), queue due
    /// parked items, recover dead instances' items, and hand back own items no loop held at this pass and the previous one.
    /// </summary>
    public async Task MaintainAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await HeartbeatAsync();
        await _queue.PromoteDueAsync();
        var report = await _queue.RecoverAsync(_options.Recovery);
        if (report.Instances.Count > 0)
        {
            if (_options.Recovered is { } recovered)
            {
                recovered(report);
            }
            else
            {
                DeliveryLog.Recovered(_logger, _queue.Name, string.Join(", ", report.Instances), report.Returned, report.Dropped, report.Interrupted);
            }
        }

        await ReturnOrphansAsync(immediately: false);
    }

    /// <summary>
    /// Handles items until every partition is empty (<see cref="WorkerOptions.Parallelism"/> at a time per partition),
    /// after handing back own items that no loop holds (left by a failed earlier drain). Handler failures and
    /// cancellation propagate; the item concerned stays in the processing list.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await HeartbeatAsync();
        await ReturnOrphansAsync(immediately: true);
        var loops = Enumerable.Range(0, _queue.Partitions)
            .SelectMany(p => Enumerable.Range(0, _options.Parallelism).Select(_ => p))
            .Select(async partition =>
            {
                while (await TakeAndRunAsync(partition, rethrow: true, cancellationToken) is not null)
                {
                }
            });
        await Task.WhenAll(loops);
    }

    /// <summary>Starts the loops (maintenance and taking) until <see cref="StopAsync"/>.</summary>
    public void Start()
    {
        var stopping = _stopping.Token;
        _loops =
        [
            Task.Run(() => MaintainLoopAsync(stopping), CancellationToken.None),
            .. Enumerable.Range(0, _queue.Partitions)
                .SelectMany(p => Enumerable.Range(0, _options.Parallelism).Select(_ => p))
                .Select(p => Task.Run(() => TakeLoopAsync(p, stopping), CancellationToken.None)),
        ];
    }

    /// <summary>
    /// Runs an item that is already in this instance's processing list (the process that created it started it at once,
    /// <see cref="WorkQueue.EnqueueTakenAsync"/>), in the background, like a taken item.
    /// </summary>
    public void Run(RedisValue item)
    {
        Register(item);
        Track(RunRegisteredAsync(item, rethrow: false, CancellationToken.None));
    }

    /// <summary>Completes when every item running now has ended.</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Values);

    /// <summary>Stops taking, lets running items finish for the grace, cancels the rest, hands the own list back and leaves. Safe to call twice.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _stop ??= StopOnceAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Disposed without a stop (a crash, a test host torn down first): the own list is left to recovery. The sources
        // are cancelled, not disposed: loops still unwinding may read their tokens.
        _stopping.Cancel();
        _abort.Cancel();
        lock (_gate)
        {
            _lease.Cancel();
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        var all = Task.WhenAll([.. _loops, .. _running.Values]);
        try
        {
            await all.WaitAsync(_options.ShutdownGrace, _time, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            await _abort.CancelAsync();
            await Task.WhenAll([.. _loops, .. _running.Values]).WaitAsync(AbortWait, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        try
        {
            // Handed back at once, so the next instance (or this one after a restart) takes them without waiting for the lease.
            var report = await _queue.ReturnAllAsync(_queue.InstanceId, _options.Recovery);
            if (report.Total > 0)
            {
                DeliveryLog.ReturnedOnStop(_logger, _queue.Name, report.Total);
            }

            await _queue.LeaveAsync();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            // The lease then runs out and another instance recovers what is left.
            DeliveryLog.StoreUnavailable(_logger, _queue.Name, e.GetType().Name);
        }
    }

    private async Task MaintainLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            // The next pass is timed from the start of this one, so the lease is renewed every third of its time however
            // long recovery takes (and the timer is already running when the renewal is seen).
            var next = Task.Delay(_queue.Lease / 3, _time, stopping);
            try
            {
                await MaintainAsync(stopping);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                DeliveryLog.StoreUnavailable(_logger, _queue.Name, e.GetType().Name);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A recovery hook that failed on one item: the next pass tries again.
                DeliveryLog.HandlerFailed(_logger, _queue.Name, e.GetType().Name);
            }

            try
            {
                await next;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task TakeLoopAsync(int partition, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            bool? taken;
            try
            {
                taken = await TakeAndRunAsync(partition, rethrow: false, CancellationToken.None, stopping);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                DeliveryLog.StoreUnavailable(_logger, _queue.Name, e.GetType().Name);
                taken = null;
            }

            if (taken is null)
            {
                try
                {
                    await _queue.WaitForWorkAsync(partition, _options.PollInterval, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Takes one item and runs it; null when the partition was empty (or stopping), else whether it finished.</summary>
    private async Task<bool?> TakeAndRunAsync(int partition, bool rethrow, CancellationToken cancellationToken, CancellationToken stopTaking = default)
    {
        if (stopTaking.IsCancellationRequested)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        RedisValue? taken;
        Interlocked.Increment(ref _takesStarted);
        Interlocked.Increment(ref _taking);
        try
        {
            taken = await _queue.TakeAsync(partition);
            if (taken is { } value)
            {
                Register(value);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _taking);
        }

        if (taken is not { } item)
        {
            return null;
        }

        var run = RunRegisteredAsync(item, rethrow, cancellationToken);
        Track(run);
        return await run;
    }

    /// <summary>Runs a registered item; true when it finished (completed or parked).</summary>
    private async Task<bool> RunRegisteredAsync(RedisValue item, bool rethrow, CancellationToken cancellationToken)
    {
        await Task.Yield();
        CancellationTokenSource work;
        lock (_gate)
        {
            work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token, _lease.Token);
        }

        try
        {
            var result = await _handler(item, work.Token);
            if (result.DelayUntil is { } until)
            {
                await _queue.DelayAsync(item, until);
            }
            else
            {
                await CompleteAsync(item);
            }

            return true;
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            // Left in the processing list (or already taken over by another instance): handed back on stop or by recovery.
            if (rethrow && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return false;
        }
        catch (Exception e) when (!rethrow)
        {
            DeliveryLog.HandlerFailed(_logger, _queue.Name, e.GetType().Name);
            return false;
        }
        finally
        {
            work.Dispose();
            Unregister(item);
        }
    }

    private async Task CompleteAsync(RedisValue item)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _queue.CompleteAsync(item);
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                DeliveryLog.StoreUnavailable(_logger, _queue.Name, e.GetType().Name);
                if (attempt == 5 || _abort.IsCancellationRequested)
                {
                    // Left in the processing list: handed back later through the recovery hook, which sees it is done.
                    return;
                }

                await Task.Delay(_options.PollInterval * attempt, _time, CancellationToken.None);
            }
        }
    }

    private async Task HeartbeatAsync()
    {
        if (await _queue.HeartbeatAsync() != LeaseState.Lost)
        {
            return;
        }

        DeliveryLog.LeaseLost(_logger, _queue.Name);
        CancellationTokenSource lost;
        lock (_gate)
        {
            lost = _lease;
            _lease = new CancellationTokenSource();
        }

        await lost.CancelAsync();
    }

    /// <summary>
    /// Hands back own items that no loop of this process holds. <paramref name="immediately"/> false: only those found
    /// so at the previous pass too, so an item between its take (or its creation) and its registration is never taken for one.
    /// </summary>
    private async Task ReturnOrphansAsync(bool immediately)
    {
        var takes = Interlocked.Read(ref _takesStarted);
        if (Volatile.Read(ref _taking) > 0)
        {
            return;
        }

        var listed = await _queue.ProcessingAsync();
        var held = new Dictionary<RedisValue, int>(_inFlight);
        if (Volatile.Read(ref _taking) > 0 || Interlocked.Read(ref _takesStarted) != takes)
        {
            return;
        }

        var orphans = new List<RedisValue>();
        foreach (var item in listed)
        {
            if (held.TryGetValue(item, out var count) && count > 0)
            {
                held[item] = count - 1;
            }
            else
            {
                orphans.Add(item);
            }
        }

        var suspects = _suspects;
        _suspects = [.. orphans];
        var returned = 0;
        foreach (var orphan in immediately ? orphans : orphans.Where(suspects.Contains))
        {
            if (await _queue.ReturnOwnAsync(orphan, _options.Recovery) is not null)
            {
                returned++;
            }
        }

        if (returned > 0)
        {
            DeliveryLog.OrphansReturned(_logger, _queue.Name, returned);
        }
    }

    private void Register(RedisValue item) => _inFlight.AddOrUpdate(item, 1, (_, n) => n + 1);

    private void Unregister(RedisValue item)
    {
        while (true)
        {
            var count = _inFlight.GetValueOrDefault(item);
            if (count <= 1)
            {
                if (count == 0 || ((ICollection<KeyValuePair<RedisValue, int>>)_inFlight).Remove(new(item, count)))
                {
                    return;
                }
            }
            else if (_inFlight.TryUpdate(item, count - 1, count))
            {
                return;
            }
        }
    }

    private void Track(Task run)
    {
        var id = Interlocked.Increment(ref _runs);
        _running[id] = run;
        _ = run.ContinueWith(_ => _running.TryRemove(id, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
