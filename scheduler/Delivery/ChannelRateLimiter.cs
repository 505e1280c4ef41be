using System.Globalization;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// A sliding-window limit per channel (or per conversation) shared by every instance through Redis, on the injected clock.
/// Each permit is a member of a sorted set scored with the instant (unix ms) it was taken. A permit is taken by one
/// optimistic transaction: WATCH the set, check that fewer than <c>Permits</c> members score after <c>now − Window</c>
/// (ZCOUNT, counting permits stamped later by a faster clock too), then MULTI ZADD now / ZREMRANGEBYSCORE the long expired
/// / PEXPIRE / EXEC. A concurrent change to the set aborts the EXEC and the check runs again, so admissions are
/// serialised and no interval of length <c>Window</c> ever holds more than <c>Permits</c> permits (docs/scheduler.md has the
/// argument). Plain commands only, so the embedded Garnet behaves the same. When the store cannot be reached nothing is
/// admitted: the caller waits and asks again, its item stays claimed by this instance.
/// </summary>
public sealed class ChannelRateLimiter(IConnectionMultiplexer connection, ReminderOptions options, TimeProvider time, ILogger<ChannelRateLimiter> logger)
{
    /// <summary>Above this many permits per window a channel-wide pause is not written (the refused item still waits).</summary>
    public const int MaxPausePlaceholders = 1000;

    private static readonly TimeSpan StoreRetry = TimeSpan.FromSeconds(2);
    private readonly string _instance = Guid.NewGuid().ToString("N")[..12];
    private long _sequence;

    /// <summary>The limit that applies to <paramref name="channelId"/>.</summary>
    public ChannelRateLimit LimitOf(string channelId) =>
        options.RateLimits.GetValueOrDefault(channelId) ?? options.DefaultRateLimit;

    /// <summary>Waits until a permit on <paramref name="channelId"/> (and <paramref name="conversationId"/> when the limit is per conversation) is taken.</summary>
    public async Task WaitAsync(string channelId, string? conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        var limit = LimitOf(channelId);
        var key = ReminderKeys.RateLimit(channelId, limit.Scope == RateLimitScope.Conversation ? conversationId : null);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan wait;
            try
            {
                wait = await TryTakeAsync(key, limit);
                if (wait <= TimeSpan.Zero)
                {
                    return;
                }
            }
            catch (RedisException e)
            {
                // Fail safe: without the shared count nothing may be sent; the item waits, claimed by this instance.
                wait = StoreRetry;
                ReminderLog.RateLimitStoreDown(logger, e, channelId, wait);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>
    /// The channel refused with a Retry-After: fills the window for every instance until then, by adding <c>Permits</c>
    /// placeholder permits stamped <c>now + retryAfter − Window</c> (they leave the window exactly at now + retryAfter).
    /// Best effort: when the store cannot be reached, or the limit allows more than <see cref="MaxPausePlaceholders"/>
    /// permits a window, only the refused item waits its own Retry-After.
    /// </summary>
    public async Task PauseAsync(string channelId, string? conversationId, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        var limit = LimitOf(channelId);
        if (retryAfter <= TimeSpan.Zero || limit.Permits > MaxPausePlaceholders)
        {
            return;
        }

        var key = ReminderKeys.RateLimit(channelId, limit.Scope == RateLimitScope.Conversation ? conversationId : null);
        var windowMs = Math.Max(1L, (long)limit.Window.TotalMilliseconds);
        var until = time.GetUtcNow().ToUnixTimeMilliseconds() + (long)retryAfter.TotalMilliseconds;
        var pause = Interlocked.Increment(ref _sequence);
        var placeholders = Enumerable.Range(0, limit.Permits)
            .Select(i => new SortedSetEntry(string.Create(CultureInfo.InvariantCulture, $"{_instance}:pause{pause}:{i}"), until - windowMs))
            .ToArray();
        try
        {
            var db = connection.GetDatabase();
            await db.SortedSetAddAsync(key, placeholders);
            var ttl = TimeSpan.FromMilliseconds((long)retryAfter.TotalMilliseconds + (2 * windowMs) + 1000);
            if (await db.KeyTimeToLiveAsync(key) is not { } current || current < ttl)
            {
                await db.KeyExpireAsync(key, ttl);
            }
        }
        catch (RedisException e)
        {
            ReminderLog.RateLimitStoreDown(logger, e, channelId, retryAfter);
        }
    }

    /// <summary>Takes a permit (returns zero) or says how long to wait before the next one can be free.</summary>
    private async Task<TimeSpan> TryTakeAsync(RedisKey key, ChannelRateLimit limit)
    {
        var db = connection.GetDatabase();
        var windowMs = Math.Max(1L, (long)limit.Window.TotalMilliseconds);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var from = now - windowMs + 1; // the window is (now − Window, now]; scores are whole milliseconds
            var take = db.CreateTransaction();
            var counted = take.AddCondition(Condition.SortedSetLengthLessThan(key, limit.Permits, from, double.PositiveInfinity));
            var member = string.Create(CultureInfo.InvariantCulture, $"{_instance}:{Interlocked.Increment(ref _sequence)}");
            _ = take.SortedSetAddAsync(key, member, now);

            // Keep one extra window of history: an instance whose clock is slightly behind still sees the permits it must count.
            _ = take.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, now - (2 * windowMs));
            _ = take.KeyExpireAsync(key, TimeSpan.FromMilliseconds((2 * windowMs) + 1000));
            if (await take.ExecuteAsync())
            {
                return TimeSpan.Zero;
            }

            if (counted.WasSatisfied)
            {
                continue; // the set changed between WATCH and EXEC: count again
            }

            var inWindow = await db.SortedSetRangeByScoreWithScoresAsync(key, from, double.PositiveInfinity, take: limit.Permits);
            if (inWindow.Length < limit.Permits)
            {
                continue; // a permit expired or was trimmed meanwhile
            }

            // The oldest counted permit leaves the window at its instant + Window.
            var freeAt = (long)inWindow[0].Score + windowMs;
            return TimeSpan.FromMilliseconds(Math.Max(1, freeAt - now));
        }

        // Heavy contention: back off a little (on the injected clock) rather than spin.
        return TimeSpan.FromMilliseconds(Math.Clamp(windowMs / Math.Max(1, limit.Permits), 1, 1000));
    }
}
