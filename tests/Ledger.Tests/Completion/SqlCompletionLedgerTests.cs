using PartyAffairs.Ledger.Completion;
using PartyAffairs.Ledger.Tests.Infrastructure;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Tests.Completion;

namespace PartyAffairs.Ledger.Tests.Completion;

/// <summary>The SQL ledger against the ledger contract (the Redis ledger runs it in Bot.Tests and Scheduler.Tests), and its batch read.</summary>
public abstract class SqlCompletionLedgerTests(ILedgerStore store) : CompletionLedgerContract, IAsyncLifetime
{
    private SqlCompletionLedger _ledger = null!;

    protected override ICompletionLedger Ledger => _ledger;

    public async Task InitializeAsync() => _ledger = new SqlCompletionLedger(await store.CreateDatabaseAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetManyAsync_MixedKeys_ReturnsRecordsInOrderWithNullsForMissing()
    {
        await _ledger.RecordAsync(Record("m1"), CancellationToken.None);
        await _ledger.RecordAsync(Record("m1", duty: "主题党日"), CancellationToken.None);

        var records = await _ledger.GetManyAsync([(Branch, "m1", "党费", "2026-11"), (Branch, "m1", "党课", "2026-11"), (Branch, "m1", "主题党日", "2026-11")], CancellationToken.None);

        Assert.Equal("党费", records[0]!.DutyKind);
        Assert.Null(records[1]);
        Assert.Equal("主题党日", records[2]!.DutyKind);
    }

    [Fact]
    public async Task RecordAsync_NewLedgerOverTheSameDatabase_SeesWhatWasRecorded()
    {
        await _ledger.RecordAsync(Record("m1", status: CompletionStatus.Leave), CancellationToken.None);

        // Nothing expires and nothing lives in the process: another instance (a restart, a second host) reads the same.
        var other = new SqlCompletionLedger(await store.CreateDatabaseAsync());
        Assert.Null(await other.GetAsync(Branch, "m1", "党费", "2026-11", CancellationToken.None));
        Assert.Equal(CompletionStatus.Leave, (await _ledger.GetAsync(Branch, "m1", "党费", "2026-11", CancellationToken.None))!.Status);
    }
}

/// <summary>The SQL ledger on SQLite.</summary>
public sealed class SqlCompletionLedgerOnSqliteTests(SqliteStore store) : SqlCompletionLedgerTests(store), IClassFixture<SqliteStore>;

/// <summary>The SQL ledger on PostgreSQL.</summary>
public sealed class SqlCompletionLedgerOnPostgresTests(PostgresStore store) : SqlCompletionLedgerTests(store), IClassFixture<PostgresStore>;
