using PartyAffairs.Scheduler.Completion;
using StackExchange.Redis;

namespace PartyAffairs.Scheduler.Tests.Completion;

/// <summary>
/// The completion ledger a scheduler suite runs against: the Redis ledger here (<see cref="RedisLedgerBackend"/>), the
/// SQL ledger on SQLite and PostgreSQL in Ledger.Tests, which compiles the same suites.
/// </summary>
public interface ILedgerBackend
{
    /// <summary>A ledger over the current store (instances made between resets share it).</summary>
    ICompletionLedger Create(IConnectionMultiplexer redis);

    /// <summary>Starts an empty ledger (called where a test flushes Redis).</summary>
    Task ResetAsync();
}

/// <summary>The Redis ledger: it lives in the Redis the test flushes, so a reset has nothing more to do.</summary>
public sealed class RedisLedgerBackend : ILedgerBackend
{
    /// <inheritdoc />
    public ICompletionLedger Create(IConnectionMultiplexer redis) => new RedisCompletionLedger(redis);

    /// <inheritdoc />
    public Task ResetAsync() => Task.CompletedTask;
}
