using System.Collections.Concurrent;
using System.Globalization;
using StackExchange.Redis;

namespace PartyAffairs.BotFramework.Http;

/// <summary>
/// Counts attempts (bind codes, tokens, admin logins) in fixed windows on the injected clock, shared by every instance
/// through the host's Redis when it has one (one INCR and PEXPIRE per rule, keys <c>pa:throttle:{key}:{window}</c>),
/// else in this process. Store errors let the attempt through: the limit is a brake on guessing, the store being down
/// stops the guessed-at work anyway.
/// </summary>
public sealed class AttemptThrottle
{
    private const int PruneThreshold = 50_000;

    private readonly IConnectionMultiplexer? _redis;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, long> _local = new(StringComparer.Ordinal);

    /// <summary>A throttle over <paramref name="redis"/> (null: this process only).</summary>
    public AttemptThrottle(IConnectionMultiplexer? redis, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _redis = redis;
        _time = time;
    }

    /// <summary>
    /// Counts one attempt against every rule; false when any rule was already at its limit in the current window (with how
    /// long until that window ends).
    /// </summary>
    public async Task<(bool Allowed, TimeSpan RetryAfter)> TryAcquireAsync(IReadOnlyList<AttemptRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var counts = await AddAsync(rules, 1);
        var retryAfter = TimeSpan.Zero;
        for (var i = 0; i < rules.Count; i++)
        {
            if (counts[i] > rules[i].Limit)
            {
                retryAfter = TimeSpan.FromTicks(Math.Max(retryAfter.Ticks, UntilWindowEnds(rules[i]).Ticks));
            }
        }

        return (retryAfter == TimeSpan.Zero, retryAfter);
    }

    /// <summary>Takes back an attempt that turned out legitimate (a code that bound), so it does not use up the budget.</summary>
    public async Task ForgiveAsync(IReadOnlyList<AttemptRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        await AddAsync(rules, -1);
    }

    /// <summary>True when the rule's window already holds its limit (nothing is counted).</summary>
    public async Task<bool> IsExhaustedAsync(AttemptRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var counts = await AddAsync([rule], 0);
        return counts[0] >= rule.Limit;
    }

    private async Task<long[]> AddAsync(IReadOnlyList<AttemptRule> rules, long delta)
    {
        var keys = rules.Select(WindowKey).ToArray();
        if (_redis is not null)
        {
            try
            {
                var db = _redis.GetDatabase();
                var counts = new Task<long>[rules.Count];
                var expiries = new List<Task>(rules.Count);
                for (var i = 0; i < rules.Count; i++)
                {
                    counts[i] = delta == 0 ? ReadCountAsync(db, keys[i]) : db.StringIncrementAsync(keys[i], delta);
                    if (delta != 0)
                    {
                        expiries.Add(db.KeyExpireAsync(keys[i], rules[i].Window * 2));
                    }
                }

                await Task.WhenAll(expiries);
                return await Task.WhenAll(counts);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                return new long[rules.Count];
            }
        }

        if (_local.Count > PruneThreshold)
        {
            Prune();
        }

        return [.. keys.Select(k => _local.AddOrUpdate(k, delta, (_, n) => n + delta))];
    }

    private static async Task<long> ReadCountAsync(IDatabase db, RedisKey key) => (long?)await db.StringGetAsync(key) ?? 0;

    private string WindowKey(AttemptRule rule) =>
        string.Create(CultureInfo.InvariantCulture, $"pa:throttle:{rule.Key}:{Window(rule)}");

    private long Window(AttemptRule rule) => _time.GetUtcNow().ToUnixTimeMilliseconds() / Math.Max(1, (long)rule.Window.TotalMilliseconds);

    private TimeSpan UntilWindowEnds(AttemptRule rule)
    {
        var windowMs = Math.Max(1, (long)rule.Window.TotalMilliseconds);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return TimeSpan.FromMilliseconds(windowMs - (now % windowMs));
    }

    private void Prune()
    {
        // Windows are short; after many keys, the old ones are dropped wholesale (counts restart, which only errs lenient).
        _local.Clear();
    }
}
