namespace PartyAffairs.Tests.Channels;

/// <summary>Counts arrivals in a sliding window, as a platform enforcing "N per window" would.</summary>
public sealed class WindowCounter(int limit, TimeSpan window)
{
    private readonly List<DateTimeOffset> _arrivals = [];
    private readonly Lock _lock = new();

    /// <summary>
    /// Records an arrival at <paramref name="at"/>; false when some window of the given length that contains it now holds
    /// more than the limit. Concurrent requests may register out of order, so every window ending at or after it is checked.
    /// </summary>
    public bool TryArrive(DateTimeOffset at)
    {
        lock (_lock)
        {
            _arrivals.Add(at);
            foreach (var end in _arrivals.Where(s => s >= at && s < at + window).Append(at))
            {
                if (_arrivals.Count(t => t > end - window && t <= end) > limit)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
