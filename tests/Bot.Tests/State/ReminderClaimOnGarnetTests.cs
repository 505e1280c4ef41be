using Microsoft.Extensions.Logging.Abstractions;
using PartyAffairs.Bot.State;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.State;

/// <summary>
/// The scheduler's shared rate limit and its claim guard on the embedded Garnet (WATCH/MULTI, ZCOUNT, ZADD,
/// ZREMRANGEBYSCORE): the same behaviour as on redis-server (tests/Scheduler.Tests/Delivery/ChannelRateLimiterTests).
/// </summary>
public sealed class SharedRateLimitOnGarnetTests(GarnetServerFixture garnet) : IClassFixture<GarnetServerFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WaitAsync_TwoInstancesContendingOnGarnet_NeverMoreThanTheLimitInAnyWindow()
    {
        var channel = "robot-" + Guid.NewGuid().ToString("N")[..8];
        var clock = new SteppedClock(Start);
        var options = new ReminderOptions();
        options.RateLimits[channel] = new ChannelRateLimit { Permits = 6, Window = TimeSpan.FromMinutes(1) };
        await using var other = await StoreConnection.ConnectAsync(garnet.Configuration, timeoutMilliseconds: 5000);
        var limiters = new[] { garnet.Connection, other }.Select(c => new ChannelRateLimiter(c, options, clock, NullLogger<ChannelRateLimiter>.Instance)).ToArray();

        async Task<DateTimeOffset> TakeAsync(ChannelRateLimiter limiter)
        {
            await limiter.WaitAsync(channel, null, default);
            return clock.GetUtcNow();
        }

        var takes = Enumerable.Range(0, 20).Select(i => Task.Run(() => TakeAsync(limiters[i % 2]))).ToArray();
        var admittedPerStep = new List<int>();
        while (true)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (takes.Count(t => t.IsCompleted) + clock.Parked != takes.Length)
            {
                Assert.True(DateTime.UtcNow < deadline, "every taker admitted or parked");
                await Task.Delay(5);
            }

            admittedPerStep.Add(takes.Count(t => t.IsCompleted));
            if (!clock.AdvanceToNextDue())
            {
                break;
            }
        }

        var instants = takes.Select(t => t.Result).ToArray();
        Assert.Equal([6, 12, 18, 20], admittedPerStep);
        Assert.Equal(6, instants.Max(t => instants.Count(u => u > t - TimeSpan.FromMinutes(1) && u <= t)));
    }

    [Fact]
    public async Task StartSendingAsync_ClaimHeldByAnotherInstance_RefusedOnGarnet()
    {
        var store = new ReminderDeliveryStore(garnet.Connection, new ReminderOptions());
        var key = ReminderKeys.Reminder("g" + Guid.NewGuid().ToString("N")[..8] + ":党费:2026-12:dues", "m1");

        Assert.True(await store.ClaimAsync(key, "a"));
        Assert.False(await store.StartSendingAsync(key, "b"));
        Assert.True(await store.StartSendingAsync(key, "a"));
        Assert.Equal("sending|a", await store.GetStateAsync(key));
    }
}
