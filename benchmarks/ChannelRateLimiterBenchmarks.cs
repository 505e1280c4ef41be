using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using PartyAffairs.Benchmarks.State;
using PartyAffairs.Delivery;
using PartyAffairs.Delivery.Pacing;
using StackExchange.Redis;

namespace PartyAffairs.Benchmarks;

/// <summary>
/// Cost of taking one permit from the shared rate limit (<see cref="SharedRateLimiter"/>: one WATCH/ZCOUNT round trip
/// and one MULTI/ZADD/ZREMRANGEBYSCORE/PEXPIRE/EXEC round trip), against a plain SET round trip on the same store, alone
/// and with eight senders taking permits at once on one connection; and a platform call's permit, held while the request
/// is on the wire and re-scored when it finished (<c>AcquireHeld</c>: the same two round trips plus a fire-and-forget ZADD).
/// The limit never binds here (1,000,000 per 100 ms on the system clock), so what is measured is the bookkeeping, not a wait.
/// </summary>
[MemoryDiagnoser]
public class ChannelRateLimiterBenchmarks
{
    private const int Concurrent = 8;
    private BenchmarkStore _store = null!;
    private SharedRateLimiter _limiter = null!;
    private RateBudget _budget = null!;
    private IDatabase _db = null!;

    /// <summary>The store under test.</summary>
    [Params("redis", "garnet")]
    public string Store { get; set; } = "redis";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _store = await BenchmarkStore.StartAsync(Store);
        _budget = new RateBudget("pa:rem:rate:bench", new RateRule(1_000_000, TimeSpan.FromMilliseconds(100)));
        _limiter = new SharedRateLimiter(_store.Connection, new DeliveryInstance(), TimeProvider.System, NullLogger<SharedRateLimiter>.Instance);
        _db = _store.Connection.GetDatabase();
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _store.DisposeAsync().AsTask();

    /// <summary>One plain SET: the store's round trip, for scale.</summary>
    [Benchmark(Baseline = true)]
    public Task<bool> RoundTrip() => _db.StringSetAsync("bench:roundtrip", "1");

    /// <summary>One permit, nobody else asking.</summary>
    [Benchmark]
    public Task Acquire() => _limiter.WaitAsync(_budget, default);

    /// <summary>One platform call's permit: taken, held while the request would be on the wire, re-scored when it finished.</summary>
    [Benchmark]
    public async Task AcquireHeld() => (await _limiter.AcquireAsync([_budget], default)).Dispose();

    /// <summary>Eight senders take a permit each at once (per permit).</summary>
    [Benchmark(OperationsPerInvoke = Concurrent)]
    public Task AcquireEightAtOnce() => Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => _limiter.WaitAsync(_budget, default)));
}
