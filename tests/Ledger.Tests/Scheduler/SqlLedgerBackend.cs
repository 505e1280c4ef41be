using PartyAffairs.Ledger.Completion;
using PartyAffairs.Ledger.Storage;
using PartyAffairs.Ledger.Tests.Infrastructure;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Tests.Completion;
using StackExchange.Redis;

namespace PartyAffairs.Ledger.Tests.Scheduler;

/// <summary>The SQL ledger for the scheduler's suites: a fresh database at each reset, shared by every ledger made until the next.</summary>
public sealed class SqlLedgerBackend(ILedgerStore store) : ILedgerBackend
{
    private LedgerDatabase? _database;

    public ICompletionLedger Create(IConnectionMultiplexer redis) =>
        new SqlCompletionLedger(_database ?? throw new InvalidOperationException("Reset the backend before creating ledgers."));

    public async Task ResetAsync() => _database = await store.CreateDatabaseAsync();
}
