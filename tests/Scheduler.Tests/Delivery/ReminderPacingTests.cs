using System.Collections.Concurrent;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;
using static PartyAffairs.Scheduler.Tests.Delivery.SteppedDelivery;

namespace PartyAffairs.Scheduler.Tests.Delivery;

/// <summary>
/// Reminders under a channel's cap (<c>Reminders:RateLimits</c>, on the shared rate limiter) with two dispatchers on one
/// real redis-server, on a clock that moves only when every worker is parked on it. The limiter itself is tested in
/// tests/Delivery.Tests (SharedRateLimiterTests).
/// </summary>
[Collection(RedisGroup.Name)]
public sealed class ReminderPacingTests(RedisServerFixture redis)
{
    /// <summary>The most instants found in any interval (t − window, t].</summary>
    internal static int MaxInAnyWindow(IReadOnlyCollection<DateTimeOffset> instants, TimeSpan window) =>
        instants.Count == 0 ? 0 : instants.Max(t => instants.Count(u => u > t - window && u <= t));

    /// <summary>Runs the dispatchers to the end, moving the clock to the next wake-up whenever every one of them is parked on it.</summary>
    private static async Task DrainAllAsync(IReadOnlyList<ReminderDispatcher> dispatchers, SteppedClock clock)
    {
        var drains = dispatchers.Select(d => Task.Run(() => d.DrainAsync(default))).ToArray();
        while (true)
        {
            await SettleAsync(() => clock.Parked == drains.Count(d => !d.IsCompleted), "every dispatcher done or parked on the clock");
            if (drains.All(d => d.IsCompleted) || !clock.AdvanceToNextDue())
            {
                break;
            }
        }

        await Task.WhenAll(drains);
    }

    [Fact]
    public async Task Drain_TwoDispatchersOneRobotWithRefusals_ChannelNeverSeesMoreThanTheLimitInAnyWindow()
    {
        await redis.FlushAsync();
        var clock = new SteppedClock(Start);
        var options = new ReminderOptions { Parallelism = 1 };
        options.RateLimits["dingtalk"] = new ChannelRateLimit { Permits = 5, Window = TimeSpan.FromSeconds(10) };
        var channel = new RobotChannel(clock);
        await using var other = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var dispatchers = new[] { redis.Connection, other }.Select(connection => Dispatcher(connection, channel, clock, options)).ToArray();
        var occurrence = Dues();
        var members = Enumerable.Range(1, 30).Select(i => $"m{i:00}").ToArray();
        await new ReminderDeliveryStore(redis.Connection, options).EnqueueAsync(occurrence, members.Select(m => new DeliveryItem(occurrence.Id, m, "dingtalk")).ToArray(), default);

        await DrainAllAsync(dispatchers, clock);
        var attempts = channel.Attempts.ToArray();
        Assert.Equal(members, channel.Accepted.Order(StringComparer.Ordinal));
        Assert.Equal(30 + RobotChannel.Refusals, attempts.Length);
        Assert.Equal(5, MaxInAnyWindow(attempts, TimeSpan.FromSeconds(10)));
        Assert.True(attempts.Max() - attempts.Min() >= TimeSpan.FromSeconds(60), "33 requests at 5 per 10 s span at least 60 s");
    }

    [Fact]
    public async Task Drain_ClaimTakenOverWhileWaitingForTheLimit_SentOnceByTheNewOwnerOnly()
    {
        await redis.FlushAsync();
        var clock = new SteppedClock(Start);
        var db = redis.Connection.GetDatabase();
        var strict = new ReminderOptions { Parallelism = 1 };
        strict.RateLimits["dingtalk"] = new ChannelRateLimit { Permits = 1, Window = TimeSpan.FromMinutes(10) };
        var loose = new ReminderOptions { Parallelism = 1 };
        loose.RateLimits["dingtalk"] = new ChannelRateLimit { Permits = 5, Window = TimeSpan.FromMinutes(10) };
        var channel = new RobotChannel(clock, refuse: false);
        var slow = Dispatcher(redis.Connection, channel, clock, strict);
        var other = Dispatcher(redis.Connection, channel, clock, loose);
        var occurrence = Dues();
        await db.SortedSetAddAsync(ReminderKeys.RateLimit("dingtalk"), "earlier-send", Start.ToUnixTimeMilliseconds());
        await new ReminderDeliveryStore(redis.Connection, strict).EnqueueAsync(occurrence, [new DeliveryItem(occurrence.Id, "m01", "dingtalk")], default);

        // The slow instance claims the reminder and waits for the robot's window; meanwhile its lease lapses and the other
        // instance recovers the item (the claim is released and the item queued again) and sends it.
        var drain = slow.DrainAsync(default);
        await SettleAsync(() => clock.Parked == 1, "the slow instance waits for the limit");
        await db.HashSetAsync(ReminderKeys.Workers, slow.InstanceId, Start.AddSeconds(-1).ToUnixTimeMilliseconds());
        await other.MaintainAsync(default);
        await other.DrainAsync(default);
        Assert.Equal(["m01"], channel.Accepted);

        clock.Fake.Advance(TimeSpan.FromMinutes(10));
        await drain.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["m01"], channel.Accepted);
        Assert.StartsWith("sent|", (await db.StringGetAsync(ReminderKeys.Reminder(occurrence.Id, "m01"))).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drain_RobotAnswers429WithRetryAfter_NoInstanceSendsToItUntilThen()
    {
        await redis.FlushAsync();
        var clock = new SteppedClock(Start);
        var options = new ReminderOptions { Parallelism = 1 };
        options.RateLimits["dingtalk"] = new ChannelRateLimit { Permits = 1, Window = TimeSpan.FromSeconds(5) };
        var channel = new PausingRobot(clock);
        await using var other = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var dispatchers = new[] { redis.Connection, other }.Select(connection => Dispatcher(connection, channel, clock, options)).ToArray();
        var occurrence = Dues();
        var members = Enumerable.Range(1, 8).Select(i => $"m{i:00}").ToArray();
        await new ReminderDeliveryStore(redis.Connection, options).EnqueueAsync(occurrence, members.Select(m => new DeliveryItem(occurrence.Id, m, "dingtalk")).ToArray(), default);

        await DrainAllAsync(dispatchers, clock);
        var refusedAt = Assert.Single(channel.Refusals);
        Assert.Equal(members, channel.Accepted.Select(a => a.Member).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(channel.Accepted, a => a.At > refusedAt && a.At < refusedAt + PausingRobot.RetryAfter);
        Assert.Contains(channel.Accepted, a => a.At >= refusedAt + PausingRobot.RetryAfter);
    }

    /// <summary>A group robot as the channel sees it: every request with its instant; the 3rd, 10th and 20th are refused with 429.</summary>
    private sealed class RobotChannel(TimeProvider clock, bool refuse = true) : IReminderSender
    {
        public const int Refusals = 3;
        private int _calls;

        public ConcurrentQueue<DateTimeOffset> Attempts { get; } = new();

        public ConcurrentQueue<string> Accepted { get; } = new();

        public Task<SendOutcome> SendAsync(ReminderDelivery delivery, CancellationToken cancellationToken)
        {
            Attempts.Enqueue(clock.GetUtcNow());
            if (Interlocked.Increment(ref _calls) is 3 or 10 or 20 && refuse)
            {
                return Task.FromResult(new SendOutcome(SendStatus.Transient, TimeSpan.FromSeconds(3), "429"));
            }

            Accepted.Enqueue(delivery.MemberId);
            return Task.FromResult(SendOutcome.Sent);
        }
    }

    /// <summary>A group robot that refuses its third request with 429 and Retry-After 30 s.</summary>
    private sealed class PausingRobot(TimeProvider clock) : IReminderSender
    {
        public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);
        private int _calls;

        public ConcurrentQueue<DateTimeOffset> Refusals { get; } = new();

        public ConcurrentQueue<(string Member, DateTimeOffset At)> Accepted { get; } = new();

        public Task<SendOutcome> SendAsync(ReminderDelivery delivery, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 3)
            {
                Refusals.Enqueue(clock.GetUtcNow());
                return Task.FromResult(new SendOutcome(SendStatus.Transient, RetryAfter, "429"));
            }

            Accepted.Enqueue((delivery.MemberId, clock.GetUtcNow()));
            return Task.FromResult(SendOutcome.Sent);
        }
    }
}
