using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using PartyAffairs.Benchmarks.State;
using PartyAffairs.Scheduler.Delivery;
using StackExchange.Redis;

namespace PartyAffairs.Benchmarks;

/// <summary>
/// Cost of taking one permit from the shared rate limit (<see cref="ChannelRateLimiter"/>: one WATCH/ZCOUNT round trip
/// and one MULTI/ZADD/ZREMRANGEBYSCORE/PEXPIRE/EXEC round trip), against a plain SET round trip on the same store, alone
/// and with eight senders taking permits at once on one connection. The limit never binds here (1,000,000 per 100 ms on
/// the system clock), so what is measured is the bookkeeping, not a wait.
/// </summary>
[MemoryDiagnoser]
public class ChannelRateLimiterBenchmarks
{
    private const int Concurrent = 8;
    private BenchmarkStore _store = null!;
    private ChannelRateLimiter _limiter = null!;
    private IDatabase _db = null!;

    /// <summary>The store under test.</summary>
    [Params("redis", "garnet")]
    public string Store { get; set; } = "redis";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _store = await BenchmarkStore.StartAsync(Store);
        var options = new ReminderOptions();
        options.RateLimits.Clear();
        options.RateLimits["bench"] = new ChannelRateLimit { Permits = 1_000_000, Window = TimeSpan.FromMilliseconds(100) };
        _limiter = new ChannelRateLimiter(_store.Connection, options, TimeProvider.System, NullLogger<ChannelRateLimiter>.Instance);
        _db = _store.Connection.GetDatabase();
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _store.DisposeAsync().AsTask();

    /// <summary>One plain SET: the store's round trip, for scale.</summary>
    [Benchmark(Baseline = true)]
    public Task<bool> RoundTrip() => _db.StringSetAsync("bench:roundtrip", "1");

    /// <summary>One permit, nobody else asking.</summary>
    [Benchmark]
    public Task Acquire() => _limiter.WaitAsync("bench", null, default);

    /// <summary>Eight senders take a permit each at once (per permit).</summary>
    [Benchmark(OperationsPerInvoke = Concurrent)]
    public Task AcquireEightAtOnce() => Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => _limiter.WaitAsync("bench", null, default)));
}
