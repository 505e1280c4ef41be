using System.Globalization;

namespace PartyAffairs.Delivery.Pacing;

/// <summary>
/// The one pacer: sliding-window budgets shared by every instance through the store, on the injected clock. Each permit
/// is a member of the budget's sorted set, scored with the instant (unix ms) it counts from. A permit is taken by one
/// optimistic transaction over every budget the request needs: WATCH the sets, check that each rule has fewer than
/// <c>Permits</c> members scored after <c>now − Window</c> (ZCOUNT; later scores count too), then MULTI ZADD /
/// ZREMRANGEBYSCORE the long expired / PEXPIRE / EXEC. A concurrent change to any of the sets aborts the EXEC and the check
/// runs again, so admissions are serialised and no interval of length <c>Window</c> ever holds more than <c>Permits</c>
/// permits of a rule (docs/scheduler.md, "Rate limits", has the argument). A request still on its way is scored
/// <see cref="InFlightHold"/> ahead and re-scored with the instant it finished (<see cref="RatePermit"/>), so however long it
/// takes on the wire it is counted at its arrival. Plain commands only, so the embedded Garnet behaves the same. When the
/// store cannot be reached nothing is admitted: the caller waits and asks again.
/// </summary>
public sealed class SharedRateLimiter
{
    /// <summary>Above this many permits per window a pause is not written (the refused request still waits its own Retry-After).</summary>
    public const int MaxPausePlaceholders = 1000;

    /// <summary>How far ahead a request on its way is scored until it reports that it finished (longer than any request's time-out).</summary>
    public static readonly TimeSpan InFlightHold = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan StoreRetry = TimeSpan.FromSeconds(2);
    private readonly IConnectionMultiplexer _connection;
    private readonly string _instance;
    private readonly TimeProvider _time;
    private readonly ILogger<SharedRateLimiter> _logger;
    private long _sequence;

    /// <summary>A limiter over the host's store; permits are named after <paramref name="instance"/>.</summary>
    public SharedRateLimiter(IConnectionMultiplexer connection, DeliveryInstance instance, TimeProvider time, ILogger<SharedRateLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _connection = connection;
        _instance = instance.Id;
        _time = time;
        _logger = logger;
    }

    /// <summary>Waits until a permit of <paramref name="budget"/> is taken, counted from now (the request is made at once and takes no time).</summary>
    public async Task WaitAsync(RateBudget budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budget);
        await TakeAsync([budget], inFlight: false, cancellationToken);
    }

    /// <summary>
    /// Waits until a permit of every budget is taken, together, for a request about to start; dispose the permit when the
    /// request finished. No budgets: returns at once.
    /// </summary>
    public async Task<RatePermit> AcquireAsync(IReadOnlyList<RateBudget> budgets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        var distinct = budgets.DistinctBy(b => b.Key).ToArray();
        if (distinct.Length == 0)
        {
            return RatePermit.None;
        }

        var taken = await TakeAsync(distinct, inFlight: true, cancellationToken);
        return new RatePermit(taken, Finish);
    }

    /// <summary>
    /// The platform refused with a Retry-After (or said it throttles): fills each budget until then for every instance, by
    /// adding placeholder permits to the rule with the fewest permits, scored <c>now + retryAfter − Window</c> (they leave
    /// that rule's window exactly at now + retryAfter). Best effort: when the store cannot be reached, or the rule allows
    /// more than <see cref="MaxPausePlaceholders"/> permits a window, only the refused request waits its own Retry-After.
    /// </summary>
    public async Task PauseAsync(IReadOnlyList<RateBudget> budgets, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        if (retryAfter <= TimeSpan.Zero)
        {
            return;
        }

        var db = _connection.GetDatabase();
        var until = _time.GetUtcNow().ToUnixTimeMilliseconds() + (long)retryAfter.TotalMilliseconds;
        foreach (var budget in budgets.DistinctBy(b => b.Key))
        {
            var rule = budget.Rules.MinBy(r => r.Permits)!;
            if (rule.Permits > MaxPausePlaceholders)
            {
                continue;
            }

            var windowMs = WindowMs(rule.Window);
            var pause = Interlocked.Increment(ref _sequence);
            var placeholders = Enumerable.Range(0, rule.Permits)
                .Select(i => new SortedSetEntry(string.Create(CultureInfo.InvariantCulture, $"{_instance}:pause{pause}:{i}"), until - windowMs))
                .ToArray();
            try
            {
                await db.SortedSetAddAsync(budget.Key, placeholders);
                var ttl = TimeSpan.FromMilliseconds((long)retryAfter.TotalMilliseconds + (2 * WindowMs(budget.LongestWindow)) + 1000);
                if (await db.KeyTimeToLiveAsync(budget.Key) is not { } current || current < ttl)
                {
                    await db.KeyExpireAsync(budget.Key, ttl);
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                DeliveryLog.RateLimitStoreDown(_logger, e, budget.ToString(), retryAfter);
            }
        }
    }

    /// <summary>Pauses one budget (see <see cref="PauseAsync(IReadOnlyList{RateBudget}, TimeSpan)"/>).</summary>
    public Task PauseAsync(RateBudget budget, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return PauseAsync([budget], retryAfter);
    }

    private static long WindowMs(TimeSpan window) => Math.Max(1L, (long)window.TotalMilliseconds);

    private async Task<IReadOnlyList<(RateBudget Budget, RedisValue Member)>> TakeAsync(RateBudget[] budgets, bool inFlight, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan wait;
            try
            {
                var (taken, next) = await TryTakeAsync(budgets, inFlight);
                if (taken is not null)
                {
                    return taken;
                }

                wait = next;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Fail safe: without the shared count nothing may be sent.
                wait = StoreRetry;
                DeliveryLog.RateLimitStoreDown(_logger, e, budgets[0].ToString(), wait);
            }

            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    /// <summary>Takes a permit of every budget (returns them), or says how long to wait before one can be free.</summary>
    private async Task<(IReadOnlyList<(RateBudget Budget, RedisValue Member)>? Taken, TimeSpan Wait)> TryTakeAsync(RateBudget[] budgets, bool inFlight)
    {
        var db = _connection.GetDatabase();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var score = inFlight ? now + (long)InFlightHold.TotalMilliseconds : now;
            var take = db.CreateTransaction();
            var checks = new List<(RateBudget Budget, RateRule Rule, ConditionResult Result)>();
            var taken = new List<(RateBudget Budget, RedisValue Member)>(budgets.Length);
            foreach (var budget in budgets)
            {
                foreach (var rule in budget.Rules)
                {
                    // The window is (now − Window, now]; scores are whole milliseconds, and later scores count too.
                    var from = now - WindowMs(rule.Window) + 1;
                    checks.Add((budget, rule, take.AddCondition(Condition.SortedSetLengthLessThan(budget.Key, rule.Permits, from, double.PositiveInfinity))));
                }

                RedisValue member = string.Create(CultureInfo.InvariantCulture, $"{_instance}:{Interlocked.Increment(ref _sequence)}");
                var longest = WindowMs(budget.LongestWindow);
                _ = take.SortedSetAddAsync(budget.Key, member, score);

                // Keep one extra window of history: an instance whose clock is slightly behind still sees what it must count.
                _ = take.SortedSetRemoveRangeByScoreAsync(budget.Key, double.NegativeInfinity, now - (2 * longest));
                _ = take.KeyExpireAsync(budget.Key, TimeSpan.FromMilliseconds((2 * longest) + (long)InFlightHold.TotalMilliseconds + 1000));
                taken.Add((budget, member));
            }

            if (await take.ExecuteAsync())
            {
                return (taken, TimeSpan.Zero);
            }

            if (checks.All(c => c.Result.WasSatisfied))
            {
                continue; // a set changed between WATCH and EXEC: count again
            }

            var wait = TimeSpan.Zero;
            var changed = false;
            foreach (var (budget, rule, _) in checks.Where(c => !c.Result.WasSatisfied))
            {
                var windowMs = WindowMs(rule.Window);
                var inWindow = await db.SortedSetRangeByScoreWithScoresAsync(budget.Key, now - windowMs + 1, double.PositiveInfinity, take: rule.Permits);
                if (inWindow.Length < rule.Permits)
                {
                    changed = true; // a permit left the window or was trimmed meanwhile
                    break;
                }

                // The oldest counted permit leaves the window at its score + Window. A score in the future is a request
                // still on its way (or a pause): it will count from when it finishes, so look again after one window.
                var oldest = (long)inWindow[0].Score;
                var ruleWait = oldest > now ? Math.Min(oldest + windowMs - now, windowMs) : oldest + windowMs - now;
                wait = TimeSpan.FromMilliseconds(Math.Max(Math.Max(1, ruleWait), wait.TotalMilliseconds));
            }

            if (!changed)
            {
                return (null, wait);
            }
        }

        // Heavy contention: back off a little (on the injected clock) rather than spin.
        var shortest = budgets.SelectMany(b => b.Rules).Min(r => WindowMs(r.Window) / r.Permits);
        return (null, TimeSpan.FromMilliseconds(Math.Clamp(shortest, 1, 1000)));
    }

    private void Finish(RatePermit permit)
    {
        if (permit.Taken.Count == 0)
        {
            return;
        }

        // Fire and forget: a lost update leaves the permit counted until its hold ran out, which only errs on the safe side.
        var finished = _time.GetUtcNow().ToUnixTimeMilliseconds();
        try
        {
            var db = _connection.GetDatabase();
            foreach (var (budget, member) in permit.Taken)
            {
                db.SortedSetAdd(budget.Key, member, finished, SortedSetWhen.Exists, CommandFlags.FireAndForget);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Counted from its hold instead.
        }
    }
}
