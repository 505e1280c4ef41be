using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using PartyAffairs.Delivery.Pacing;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Delivery.Tests.Pacing;

/// <summary>
/// The shared rate limiter against a real store, on a clock that moves only when every waiter is parked on it (so the
/// recorded instants are the instants the waiters acted on). Run against redis-server and the embedded Garnet.
/// </summary>
public abstract class SharedRateLimiterTests(IConnectionMultiplexer connection, string configuration)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly SteppedClock _clock = new(Start);
    private readonly string _prefix = "rate:" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The most instants found in any interval (t − window, t].</summary>
    internal static int MaxInAnyWindow(IReadOnlyCollection<DateTimeOffset> instants, TimeSpan window) =>
        instants.Count == 0 ? 0 : instants.Max(t => instants.Count(u => u > t - window && u <= t));

    private SharedRateLimiter Limiter(IConnectionMultiplexer? other = null) =>
        new(other ?? connection, new DeliveryInstance(), _clock, NullLogger<SharedRateLimiter>.Instance);

    private RateBudget Budget(string name, params RateRule[] rules) => new($"{_prefix}:{name}", rules);

    private static async Task SettleAsync(Func<bool> settled, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!settled())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(what);
            }

            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task Wait_GroupRobotLimit_TwentyFirstWaitsForTheWindowAndOtherBudgetsDoNot()
    {
        var limiter = Limiter();
        var robot = Budget("dingtalk:robot", new RateRule(20, TimeSpan.FromMinutes(1)));
        for (var i = 0; i < 20; i++)
        {
            await limiter.WaitAsync(robot, default);
        }

        var twentyFirst = limiter.WaitAsync(robot, default);
        await limiter.WaitAsync(Budget("wecom:robot", new RateRule(20, TimeSpan.FromMinutes(1))), default).WaitAsync(TimeSpan.FromSeconds(10));

        await SettleAsync(() => _clock.Parked == 1, "the 21st parked on the clock");
        Assert.False(twentyFirst.IsCompleted);
        Assert.Equal(Start.AddMinutes(1), _clock.NextDue);
        _clock.Fake.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, _clock.Parked);
        Assert.False(twentyFirst.IsCompleted);
        _clock.Fake.Advance(TimeSpan.FromSeconds(1));
        await twentyFirst.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Wait_SevenPerSecondPerConversation_EachConversationItsOwnBudget()
    {
        var limiter = Limiter();
        var rule = new RateRule(7, TimeSpan.FromSeconds(1));
        for (var i = 0; i < 7; i++)
        {
            await limiter.WaitAsync(Budget("msteams:conv-a", rule), default);
        }

        var eighth = limiter.WaitAsync(Budget("msteams:conv-a", rule), default);
        await limiter.WaitAsync(Budget("msteams:conv-b", rule), default).WaitAsync(TimeSpan.FromSeconds(10));

        await SettleAsync(() => _clock.Parked == 1, "the 8th parked on the clock");
        Assert.False(eighth.IsCompleted);
        _clock.Fake.Advance(TimeSpan.FromSeconds(1));
        await eighth.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Wait_TwoInstancesContending_NeverMoreThanTheLimitInAnyWindow()
    {
        await using var other = await ConnectionMultiplexer.ConnectAsync(configuration);
        var limiters = new[] { Limiter(), Limiter(other) };
        var budget = Budget("robot", new RateRule(10, TimeSpan.FromMinutes(1)));

        async Task<DateTimeOffset> TakeAsync(SharedRateLimiter limiter)
        {
            await limiter.WaitAsync(budget, default);
            return _clock.GetUtcNow();
        }

        var takes = Enumerable.Range(0, 45).Select(i => Task.Run(() => TakeAsync(limiters[i % 2]))).ToArray();
        var admittedPerStep = new List<int>();
        while (true)
        {
            await SettleAsync(() => takes.Count(t => t.IsCompleted) + _clock.Parked == takes.Length, "every taker admitted or parked");
            admittedPerStep.Add(takes.Count(t => t.IsCompleted));
            if (!_clock.AdvanceToNextDue())
            {
                break;
            }
        }

        var instants = takes.Select(t => t.Result).ToArray();
        Assert.Equal(10, MaxInAnyWindow(instants, TimeSpan.FromMinutes(1)));
        Assert.Equal([10, 20, 30, 40, 45], admittedPerStep);
        Assert.Equal(Start.AddMinutes(4), instants.Max());
    }

    [Fact]
    public async Task Wait_LimitReached_WaitsUntilTheOldestPermitLeavesTheWindow()
    {
        var limiter = Limiter();
        var budget = Budget("two-a-minute", new RateRule(2, TimeSpan.FromMinutes(1)));
        await limiter.WaitAsync(budget, default);
        _clock.Fake.Advance(TimeSpan.FromSeconds(10));
        await limiter.WaitAsync(budget, default);

        var third = limiter.WaitAsync(budget, default);
        await SettleAsync(() => _clock.Parked == 1, "the third parked");
        _clock.Fake.Advance(TimeSpan.FromSeconds(49));
        Assert.False(third.IsCompleted);

        _clock.Fake.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Start.AddMinutes(1), _clock.GetUtcNow());
    }

    [Fact]
    public async Task Acquire_RequestStillOnTheWire_CountsUntilItFinishedThenAWholeWindow()
    {
        var limiter = Limiter();
        var budget = Budget("one-a-second", new RateRule(1, TimeSpan.FromSeconds(1)));
        var first = await limiter.AcquireAsync([budget], default);

        var second = limiter.AcquireAsync([budget], default);
        for (var i = 0; i < 5; i++)
        {
            await SettleAsync(() => _clock.Parked == 1, "the second parked");
            Assert.False(second.IsCompleted);
            _clock.Fake.Advance(TimeSpan.FromSeconds(1));
        }

        // The first request took five seconds on the wire: the window counts from when it finished.
        first.Dispose();
        await SettleAsync(() => _clock.Parked == 1 || second.IsCompleted, "the second looked again");
        Assert.False(second.IsCompleted);
        _clock.Fake.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        while (!second.IsCompleted)
        {
            await SettleAsync(() => _clock.Parked == 1 || second.IsCompleted, "the second parked again");
            _clock.AdvanceToNextDue();
        }

        (await second).Dispose();
        Assert.Equal(Start.AddSeconds(6), _clock.GetUtcNow());
    }

    [Fact]
    public async Task Wait_TwoRules_TheStricterOneHolds()
    {
        var limiter = Limiter();
        var budget = Budget("member", new RateRule(3, TimeSpan.FromSeconds(1)), new RateRule(4, TimeSpan.FromMinutes(1)));
        for (var i = 0; i < 3; i++)
        {
            await limiter.WaitAsync(budget, default);
        }

        _clock.Fake.Advance(TimeSpan.FromSeconds(1));
        await limiter.WaitAsync(budget, default);

        var fifth = limiter.WaitAsync(budget, default);
        await SettleAsync(() => _clock.Parked == 1, "the fifth parked");
        Assert.Equal(Start.AddMinutes(1), _clock.NextDue);
        _clock.Fake.Advance(TimeSpan.FromSeconds(58));
        Assert.False(fifth.IsCompleted);
        _clock.Fake.Advance(TimeSpan.FromSeconds(1));
        await fifth.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Acquire_AppAndMemberBudgetsTogether_NothingTakenWhileOneIsFull()
    {
        var limiter = Limiter();
        var app = Budget("app", new RateRule(100, TimeSpan.FromSeconds(1)));
        var member = Budget("member:u1", new RateRule(2, TimeSpan.FromMinutes(1)));
        (await limiter.AcquireAsync([app, member], default)).Dispose();
        (await limiter.AcquireAsync([app, member], default)).Dispose();

        var third = limiter.AcquireAsync([app, member], default);
        await SettleAsync(() => _clock.Parked == 1, "the third parked on the member's budget");

        Assert.Equal(2, await connection.GetDatabase().SortedSetLengthAsync(app.Key));
        _clock.Fake.Advance(TimeSpan.FromMinutes(1));
        (await third.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        Assert.Equal(3, await connection.GetDatabase().SortedSetLengthAsync(member.Key));
    }

    [Fact]
    public async Task Pause_BlocksEveryInstanceEvenWithFreePermits()
    {
        var limiter = Limiter();
        var robot = Budget("robot", new RateRule(20, TimeSpan.FromMinutes(1)));
        await Limiter().PauseAsync(robot, TimeSpan.FromMinutes(10));

        var wait = limiter.WaitAsync(robot, default);
        while (_clock.GetUtcNow() < Start.AddMinutes(10))
        {
            await SettleAsync(() => _clock.Parked == 1, "parked during the pause");
            Assert.False(wait.IsCompleted);
            _clock.AdvanceToNextDue();
        }

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Start.AddMinutes(10), _clock.GetUtcNow());
    }

    [Fact]
    public async Task Wait_Cancelled_ThrowsAndTakesNoPermit()
    {
        var limiter = Limiter();
        var budget = Budget("one-a-minute", new RateRule(1, TimeSpan.FromMinutes(1)));
        await limiter.WaitAsync(budget, default);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.WaitAsync(budget, cancel.Token);
        await SettleAsync(() => _clock.Parked == 1, "parked");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        _clock.Fake.Advance(TimeSpan.FromMinutes(1));
        await limiter.WaitAsync(budget, default).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, await connection.GetDatabase().SortedSetLengthAsync(budget.Key));
    }

    [Fact]
    public async Task Wait_ManyWaitersOnOnePermitASecond_EachAdmittedInItsOwnSecondNoneStarves()
    {
        var limiter = Limiter();
        var budget = Budget("one-a-second", new RateRule(1, TimeSpan.FromSeconds(1)));
        await limiter.WaitAsync(budget, default);
        var waiters = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            await limiter.WaitAsync(budget, default);
            return _clock.GetUtcNow();
        })).ToArray();

        while (!waiters.All(w => w.IsCompleted))
        {
            await SettleAsync(() => waiters.Count(w => w.IsCompleted) + _clock.Parked == waiters.Length, "every waiter admitted or parked");
            _clock.AdvanceToNextDue();
        }

        var instants = waiters.Select(w => w.Result).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, 6).Select(s => Start.AddSeconds(s)), instants);
    }

    [Fact]
    public async Task Wait_StoreUnreachable_AdmitsNothingAndKeepsAsking()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var deadPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var dead = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{deadPort},abortConnect=false,connectTimeout=200,connectRetry=0,asyncTimeout=300,syncTimeout=300");
        using var stop = new CancellationTokenSource();

        var wait = Limiter(dead).WaitAsync(Budget("robot", new RateRule(20, TimeSpan.FromMinutes(1))), stop.Token);

        await SettleAsync(() => _clock.Parked == 1, "parked after the store refused");
        _clock.Fake.Advance(TimeSpan.FromSeconds(2));
        await SettleAsync(() => _clock.Parked == 1, "asked again and parked again");
        Assert.False(wait.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}

/// <summary>The shared rate limiter against a real redis-server.</summary>
[Collection(RedisGroup.Name)]
public sealed class SharedRateLimiterOnRedisTests(RedisServerFixture redis) : SharedRateLimiterTests(redis.Connection, redis.Configuration);

/// <summary>The shared rate limiter against the embedded Garnet (WATCH/MULTI, ZCOUNT, ZADD, ZREMRANGEBYSCORE as on Redis).</summary>
public sealed class SharedRateLimiterOnGarnetTests(GarnetFixture garnet) : SharedRateLimiterTests(garnet.Connection, garnet.Configuration), IClassFixture<GarnetFixture>;
