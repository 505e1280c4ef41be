using Microsoft.Extensions.Logging.Abstractions;
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

    public static ChannelRateLimiter Limiter(IConnectionMultiplexer connection, SteppedClock clock, ReminderOptions? options = null) =>
        new(connection, options ?? new ReminderOptions(), clock, NullLogger<ChannelRateLimiter>.Instance);

    public static ReminderDispatcher Dispatcher(IConnectionMultiplexer connection, IReminderSender channel, SteppedClock clock, ReminderOptions options, ICompletionLedger? ledger = null) => new(
        new ReminderDeliveryStore(connection, options), channel, ledger ?? new RedisCompletionLedger(connection),
        new RedisBranchSettingsStore(connection), Limiter(connection, clock, options), options, clock, NullLogger<ReminderDispatcher>.Instance);

    /// <summary>One branch's December dues reminder, useful for thirty days from <see cref="Start"/>.</summary>
    public static OccurrenceRecord Dues() => new()
    {
        Id = "b1:党费:2026-12:dues", BranchId = "b1", Kinds = ["党费"], PeriodKey = "2026-12",
        UsefulUntil = Start.AddDays(30), Message = new ReminderMessage { Text = "x" },
    };
}
