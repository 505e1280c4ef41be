using Microsoft.Extensions.Logging.Abstractions;
using PartyAffairs.Delivery;
using PartyAffairs.Delivery.Pacing;
using PartyAffairs.Delivery.Retry;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Settings;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Scheduler.Tests.Delivery;

/// <summary>Shared setup for delivery tests that run on a <see cref="SteppedClock"/> against a real redis-server.</summary>
internal static class SteppedDelivery
{
    /// <summary>10:00 Beijing time on 1 December 2026.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Waits (real time, polling) until <paramref name="settled"/> holds; the clock does not move meanwhile.</summary>
    public static async Task SettleAsync(Func<bool> settled, string what)
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

    /// <summary>The retry policy of these tests: first retry after a second, doubling.</summary>
    public static RetryOptions Retry { get; } = new() { Backoff = TimeSpan.FromSeconds(1) };

    /// <summary>One instance's dispatcher: its own instance id, the shared rate limiter and the retry layer on the stepped clock.</summary>
    public static ReminderDispatcher Dispatcher(IConnectionMultiplexer connection, IReminderSender channel, SteppedClock clock, ReminderOptions options, ICompletionLedger? ledger = null)
    {
        var instance = new DeliveryInstance();
        return new(
            new ReminderDeliveryStore(connection, options, instance, clock), channel, ledger ?? new RedisCompletionLedger(connection),
            new RedisBranchSettingsStore(connection), new SharedRateLimiter(connection, instance, clock, NullLogger<SharedRateLimiter>.Instance),
            new DeliveryRetry(Retry, clock), options, clock, NullLogger<ReminderDispatcher>.Instance);
    }

    /// <summary>One branch's December dues reminder, useful for thirty days from <see cref="Start"/>.</summary>
    public static OccurrenceRecord Dues() => new()
    {
        Id = "b1:党费:2026-12:dues", BranchId = "b1", Kinds = ["党费"], PeriodKey = "2026-12",
        UsefulUntil = Start.AddDays(30), Message = new ReminderMessage { Text = "x" },
    };
}
