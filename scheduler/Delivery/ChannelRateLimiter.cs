namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// A sliding-window limiter per channel on the injected clock: a send waits until fewer than the channel's permits were
/// taken in the last window. In-process: each instance keeps its own count (documented in docs/scheduler.md).
/// </summary>
public sealed class ChannelRateLimiter(ReminderOptions options, TimeProvider time)
{
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Waits for a permit on <paramref name="channelId"/>.</summary>
    public async Task WaitAsync(string channelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Window window;
        lock (_windows)
        {
            if (!_windows.TryGetValue(channelId, out window!))
            {
                window = new Window(options.RateLimits.GetValueOrDefault(channelId) ?? options.DefaultRateLimit);
                _windows[channelId] = window;
            }
        }

        while (true)
        {
            TimeSpan wait;
            lock (window)
            {
                var now = time.GetUtcNow();
                while (window.Taken.Count > 0 && window.Taken.Peek() <= now - window.Limit.Window)
                {
                    window.Taken.Dequeue();
                }

                if (window.Taken.Count < window.Limit.Permits)
                {
                    window.Taken.Enqueue(now);
                    return;
                }

                wait = window.Taken.Peek() + window.Limit.Window - now;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private sealed class Window(ChannelRateLimit limit)
    {
        public ChannelRateLimit Limit { get; } = limit;

        public Queue<DateTimeOffset> Taken { get; } = new();
    }
}
