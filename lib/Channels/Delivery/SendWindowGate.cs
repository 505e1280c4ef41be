namespace PartyAffairs.Channels.Delivery;

/// <summary>
/// Admits sends so that no <see cref="SendRule"/> is ever exceeded, in arrival order. A send counts from the moment it
/// <em>finished</em> (its lease was disposed), so however long a request takes on the wire, the platform never sees more
/// than the limit inside one window. Waits use the injected <see cref="TimeProvider"/>, so tests can drive it with a fake clock.
/// </summary>
public sealed class SendWindowGate : IDisposable
{
    private readonly SendRule[] _rules;
    private readonly TimeSpan _longestWindow;
    private readonly TimeProvider _time;
    // Callers queue here one at a time, strictly first come, first served (SemaphoreSlim does not promise FIFO).
    private readonly Queue<TaskCompletionSource> _admissionQueue = new();
    private bool _admitting;
    private readonly Lock _lock = new();
    private readonly List<DateTimeOffset> _finished = [];
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;
    private int _inFlight;

    /// <summary>Creates a gate enforcing every rule at once.</summary>
    public SendWindowGate(TimeProvider time, params SendRule[] rules)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Length == 0)
        {
            throw new ArgumentException("A gate needs at least one rule.", nameof(rules));
        }

        foreach (var rule in rules)
        {
            rule.Validate();
        }

        _rules = rules;
        _longestWindow = rules.Max(r => r.Window);
        _time = time;
    }

    /// <summary>Sends admitted but not yet finished.</summary>
    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Waits until a send is allowed; dispose the lease when the send finished (whatever its outcome).</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await EnterAdmissionAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                Task released;
                lock (_lock)
                {
                    var now = _time.GetUtcNow();
                    Prune(now);
                    wait = WaitNeeded(now);
                    if (wait == TimeSpan.Zero)
                    {
                        _inFlight++;
                        return new Lease(this);
                    }

                    released = _released.Task;
                }

                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var delay = wait == Timeout.InfiniteTimeSpan
                    ? Task.Delay(Timeout.InfiniteTimeSpan, stop.Token)
                    : Task.Delay(wait, _time, stop.Token);
                await Task.WhenAny(delay, released);
                await stop.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            LeaveAdmission();
        }
    }

    /// <summary>Admits nothing before <paramref name="until"/> (the platform throttled us, or asked us to wait).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        TaskCompletionSource released;
        lock (_lock)
        {
            if (until <= _blockedUntil)
            {
                return;
            }

            _blockedUntil = until;
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // Wake the waiter so it recomputes its wait against the new block.
        released.TrySetResult();
    }

    /// <summary>Cancels the callers still waiting for admission.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            while (_admissionQueue.TryDequeue(out var waiter))
            {
                waiter.TrySetCanceled();
            }
        }
    }

    private async Task EnterAdmissionAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource turn;
        lock (_lock)
        {
            if (!_admitting)
            {
                _admitting = true;
                return;
            }

            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _admissionQueue.Enqueue(turn);
        }

        using (cancellationToken.Register(() => turn.TrySetCanceled(cancellationToken)))
        {
            // A turn cancelled here is skipped by LeaveAdmission; a turn already handed over is kept and left normally.
            await turn.Task;
        }
    }

    private void LeaveAdmission()
    {
        lock (_lock)
        {
            while (_admissionQueue.TryDequeue(out var next))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }

            _admitting = false;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        var expired = 0;
        while (expired < _finished.Count && _finished[expired] + _longestWindow <= now)
        {
            expired++;
        }

        _finished.RemoveRange(0, expired);
    }

    // Zero when a send may start now; Infinite when only a finishing send can free a slot; otherwise how long to wait.
    private TimeSpan WaitNeeded(DateTimeOffset now)
    {
        var wait = now < _blockedUntil ? _blockedUntil - now : TimeSpan.Zero;
        foreach (var rule in _rules)
        {
            var free = rule.Limit - _inFlight;
            if (free <= 0)
            {
                if (wait == TimeSpan.Zero)
                {
                    wait = Timeout.InfiniteTimeSpan;
                }

                continue;
            }

            // Finished sends still inside this rule's window, oldest first.
            var first = _finished.FindIndex(t => t + rule.Window > now);
            var counted = first < 0 ? 0 : _finished.Count - first;
            if (counted < free)
            {
                continue;
            }

            // Enough of the oldest must leave the window that one slot is free.
            var leaving = _finished[first + counted - free];
            var until = leaving + rule.Window - now;
            if (wait != Timeout.InfiniteTimeSpan && until > wait)
            {
                wait = until;
            }
        }

        return wait;
    }

    private void Finish()
    {
        TaskCompletionSource released;
        lock (_lock)
        {
            _inFlight--;
            _finished.Add(_time.GetUtcNow());
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        released.TrySetResult();
    }

    private sealed class Lease(SendWindowGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Finish();
            }
        }
    }
}
