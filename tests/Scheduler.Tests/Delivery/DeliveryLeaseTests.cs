using System.Collections.Concurrent;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Jobs;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;
using static PartyAffairs.Scheduler.Tests.Delivery.SteppedDelivery;
using PartyAffairs.Scheduler.Tests.Completion;

namespace PartyAffairs.Scheduler.Tests.Delivery;

/// <summary>
/// The delivery service's lease loop on a real redis-server: an instance waiting a long time for a channel's rate limit
/// keeps its lease, so another instance's maintenance does not take its in-flight reminder away.
/// </summary>
public abstract class DeliveryLeaseTests(RedisServerFixture redis, ILedgerBackend ledgers)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task DeliveryService_RateLimitWaitLongerThanTheLease_LeaseRenewedAndSentOnceByTheWaitingInstance()
    {
        await redis.FlushAsync();
        await ledgers.ResetAsync();
        var clock = new SteppedClock(Start);
        var db = redis.Connection.GetDatabase();
        var strict = new ReminderOptions { Parallelism = 1 };
        strict.RateLimits["dingtalk"] = new ChannelRateLimit { Permits = 1, Window = TimeSpan.FromMinutes(10) };
        var loose = new ReminderOptions { Parallelism = 1 };
        loose.RateLimits["dingtalk"] = new ChannelRateLimit { Permits = 5, Window = TimeSpan.FromMinutes(10) };
        var waitingChannel = new Channel();
        var otherChannel = new Channel();
        var waiting = Dispatcher(redis.Connection, waitingChannel, clock, strict, ledgers.Create(redis.Connection));
        var other = Dispatcher(redis.Connection, otherChannel, clock, loose, ledgers.Create(redis.Connection));
        var occurrence = Dues();
        await db.SortedSetAddAsync(ReminderKeys.RateLimit("dingtalk"), "earlier-send", Start.ToUnixTimeMilliseconds());
        await new ReminderDeliveryStore(redis.Connection, strict).EnqueueAsync(occurrence, [new DeliveryItem(occurrence.Id, "m01", "dingtalk")], default);

        using var service = new ReminderDeliveryService(waiting, strict, clock);
        await service.StartAsync(default);
        await SettleAsync(() => clock.Parked == 1, "the service waits before its first round");
        clock.AdvanceToNextDue();

        // Parked: the lease loop's delay and the drain (waiting for the robot's window, later its poll delay). The clock
        // moves in steps of at most 5 s; at every step the other instance runs its maintenance and drains whatever it
        // recovered.
        while (waitingChannel.Accepted.IsEmpty && otherChannel.Accepted.IsEmpty)
        {
            await SettleAsync(() => clock.Parked == 2, "the lease loop and the drain parked on the clock");
            Assert.True(clock.GetUtcNow() < Start.AddMinutes(15), "the reminder was sent once the window passed");
            var lease = await db.HashGetAsync(ReminderKeys.Workers, waiting.InstanceId);
            Assert.True(lease.HasValue && (long)lease > clock.GetUtcNow().ToUnixTimeMilliseconds(), $"lease held at {clock.GetUtcNow():O}");
            await other.MaintainAsync(default);
            await other.DrainAsync(default);
            var next = Assert.NotNull(clock.NextDue);
            clock.Fake.Advance(TimeSpan.FromTicks(Math.Min((next - clock.GetUtcNow()).Ticks, Step.Ticks)));
        }

        await SettleAsync(() => clock.Parked == 2, "both loops parked after the send");
        await service.StopAsync(default);

        Assert.Empty(otherChannel.Accepted);
        Assert.Equal(["m01"], waitingChannel.Accepted);
        Assert.True(clock.GetUtcNow() >= Start.AddMinutes(10), "sent only after the robot's window");
        Assert.StartsWith("sent|", (await db.StringGetAsync(ReminderKeys.Reminder(occurrence.Id, "m01"))).ToString(), StringComparison.Ordinal);
    }

    private sealed class Channel : IReminderSender
    {
        public ConcurrentQueue<string> Accepted { get; } = new();

        public Task<SendOutcome> SendAsync(ReminderDelivery delivery, CancellationToken cancellationToken)
        {
            Accepted.Enqueue(delivery.MemberId);
            return Task.FromResult(SendOutcome.Sent);
        }
    }
}
