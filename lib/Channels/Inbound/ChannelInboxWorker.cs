using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PartyAffairs.Channels.Inbound;

/// <summary>
/// Runs the turns waiting in the <see cref="ChannelInbox"/>: one worker per partition (a sender's turns in order,
/// different senders in parallel), a lease renewed every third of <see cref="ChannelQueueOptions.Lease"/>, and recovery
/// of the turns of instances whose lease ran out. On shutdown it stops taking turns, lets running ones finish for
/// <see cref="ChannelQueueOptions.ShutdownGrace"/>, then cancels them and leaves them in its processing list, where
/// another instance (or this one after a restart) recovers them when the lease expires.
/// </summary>
internal sealed class ChannelInboxWorker : IHostedService, IDisposable
{
    private readonly ChannelInbox _inbox;
    private readonly Dictionary<string, IInboundTurnProcessor> _processors;
    private readonly ChannelQueueOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ChannelInboxWorker> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationToken _stopped;
    private readonly CancellationToken _aborted;
    private readonly Lock _gate = new();
    private Task[] _workers = [];
    private Task? _stop;
    private int _disposed;
    private int _inFlight;

    public ChannelInboxWorker(
        ChannelInbox inbox,
        IEnumerable<IInboundTurnProcessor> processors,
        IOptions<ChannelQueueOptions> options,
        TimeProvider time,
        ILogger<ChannelInboxWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _inbox = inbox;
        _processors = processors.ToDictionary(p => p.ChannelId, StringComparer.Ordinal);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _stopped = _stopping.Token;
        _aborted = _abort.Token;
    }

    /// <summary>This process's id in the lease hash and the processing list's key.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var maintenance = Task.Run(() => MaintainAsync(_stopped), CancellationToken.None);
        _workers = [maintenance, .. Enumerable.Range(0, _inbox.Partitions).Select(p => Task.Run(() => DrainAsync(p), CancellationToken.None))];
        return Task.CompletedTask;
    }

    // The test host (and some hosts) call StopAsync twice at once; both wait for the one stop.
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _stop ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        var all = Task.WhenAll(_workers);
        try
        {
            await all.WaitAsync(_options.ShutdownGrace, _time, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            await _abort.CancelAsync();
            await all.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (Volatile.Read(ref _inFlight) == 0)
        {
            // Nothing of ours is in the processing list; the lease entry expires and any instance removes it.
            return;
        }

        try
        {
            // Turns cancelled here go back to the head of their partitions at once, so the next instance runs them
            // before the same members' later messages; only a crash leaves them for lease-expiry recovery.
            var returned = await _inbox.ReturnAsync(InstanceId);
            if (returned > 0)
            {
                ChannelLog.QueueAbandoned(_logger, returned);
            }

            await _inbox.LeaveIfIdleAsync(InstanceId);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            // The lease then runs out and another instance recovers what is left.
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // A host disposed without a stop (a crash, or a test server torn down first) leaves its turns to recovery.
        _stopping.Cancel();
        _abort.Cancel();
        _stopping.Dispose();
        _abort.Dispose();
    }

    private async Task MaintainAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _inbox.HeartbeatAsync(InstanceId, _time.GetUtcNow());
                var recovered = await _inbox.RecoverAsync(InstanceId, _time.GetUtcNow());
                if (recovered > 0)
                {
                    ChannelLog.TurnsRecovered(_logger, recovered);
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                ChannelLog.InboxUnavailable(_logger, e.GetType().Name);
            }

            try
            {
                await Task.Delay(_options.Lease / 3, _time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DrainAsync(int partition)
    {
        var stopping = _stopped;
        while (!stopping.IsCancellationRequested)
        {
            RedisValue? item;
            try
            {
                item = await _inbox.TakeAsync(partition, InstanceId);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                ChannelLog.InboxUnavailable(_logger, e.GetType().Name);
                item = null;
            }

            if (item is not { } taken)
            {
                try
                {
                    await _inbox.WaitForWorkAsync(partition, _options.PollInterval, _time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            Interlocked.Increment(ref _inFlight);
            if (!await RunAsync(taken))
            {
                // Cancelled by shutdown: the turn stays in the processing list; StopAsync or recovery returns it.
                return;
            }

            await FinishAsync(taken);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Runs one turn; false when shutdown cancelled it before it finished.</summary>
    private async Task<bool> RunAsync(RedisValue item)
    {
        if (InboundTurn.TryParse(item.ToString()) is not { } turn || !_processors.TryGetValue(turn.ChannelId, out var processor))
        {
            ChannelLog.TurnFailed(_logger, "unreadable inbox item");
            return true;
        }

        try
        {
            await processor.RunAsync(turn, _aborted);
            return true;
        }
        catch (OperationCanceledException) when (_aborted.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e)
        {
            // The processor reports its own failures to the member; this keeps the worker alive.
            ChannelLog.TurnFailed(_logger, e.GetType().Name);
            return true;
        }
    }

    private async Task FinishAsync(RedisValue item)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _inbox.DoneAsync(InstanceId, item);
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                ChannelLog.InboxUnavailable(_logger, e.GetType().Name);
                if (attempt == 5 || _aborted.IsCancellationRequested)
                {
                    // Left in the processing list: recovery runs it again and the bot's own activity-id check drops it.
                    return;
                }

                await Task.Delay(_options.PollInterval * attempt, _time, CancellationToken.None);
            }
        }
    }
}
