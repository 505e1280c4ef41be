using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace PartyAffairs.Tests.Infrastructure;

/// <summary>
/// A fake clock that knows who is waiting on it: every timer created through it (Task.Delay on this provider) is counted
/// while armed, with its due instant. A test can then wait until every worker is parked on the clock, and move the clock
/// exactly to the next due instant, so an instant recorded by a worker is the instant it acted on.
/// </summary>
public sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private readonly ConcurrentDictionary<long, DateTimeOffset> _armed = new();
    private long _ids;

    /// <summary>The underlying fake clock.</summary>
    public FakeTimeProvider Fake { get; } = new(start);

    /// <summary>How many timers are armed (workers parked on the clock).</summary>
    public int Parked => _armed.Count;

    /// <summary>The earliest instant an armed timer is due, or null.</summary>
    public DateTimeOffset? NextDue => _armed.IsEmpty ? null : _armed.Values.Min();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => Fake.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => Fake.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    /// <summary>Moves the clock to the earliest armed timer; false when none is armed.</summary>
    public bool AdvanceToNextDue()
    {
        if (NextDue is not { } due)
        {
            return false;
        }

        Fake.Advance(due > GetUtcNow() ? due - GetUtcNow() : TimeSpan.Zero);
        return true;
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var id = Interlocked.Increment(ref _ids);
        var timer = new Timer(this, id);
        timer.Inner = Fake.CreateTimer(
            s =>
            {
                _armed.TryRemove(id, out _);
                callback(s);
            },
            state,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class Timer(SteppedClock clock, long id) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                clock._armed.TryRemove(id, out _);
            }
            else
            {
                clock._armed[id] = clock.GetUtcNow() + dueTime;
            }

            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            clock._armed.TryRemove(id, out _);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
