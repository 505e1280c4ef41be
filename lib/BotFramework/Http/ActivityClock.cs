namespace PartyAffairs.BotFramework.Http;

/// <summary>
/// Channel timestamps that strictly increase in recording order, at millisecond resolution: Web Chat sorts the
/// transcript by <c>timestamp</c>, so a bot reply recorded in the same millisecond as the user's echo must still sort after it.
/// </summary>
internal sealed class ActivityClock(TimeProvider time)
{
    private long _lastMilliseconds;

    /// <summary>The next timestamp: now, or one millisecond after the previous one if the clock has not moved on.</summary>
    public DateTimeOffset Next()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        while (true)
        {
            var last = Volatile.Read(ref _lastMilliseconds);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _lastMilliseconds, next, last) == last)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds(next);
            }
        }
    }
}
