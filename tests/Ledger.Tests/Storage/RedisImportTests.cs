using System.Globalization;
using PartyAffairs.Ledger.Completion;
using PartyAffairs.Ledger.Tests.Infrastructure;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Ledger.Tests.Storage;

/// <summary>An upgrade loses nothing: Redis completions (pa:done:*) come over once, before first use; on both stores.</summary>
public abstract class RedisImportTests(RedisServerFixture redis, ILedgerStore store)
{
    private readonly string _branch = "imp" + Guid.NewGuid().ToString("N")[..6];

    private CompletionRecord Record(string member, string kind, string period, CompletionStatus status = CompletionStatus.Done) => new()
    {
        BranchId = _branch, MemberId = member, DutyKind = kind, PeriodKey = period, Status = status,
        RecordedAt = DateTimeOffset.Parse("2025-11-23T10:00:00+08:00", CultureInfo.InvariantCulture), SourceActivityId = "act-" + member,
    };

    [Fact]
    public async Task FirstUse_EmptyLedger_ImportsRecordsAndOccurrencesOnce()
    {
        var old = new RedisCompletionLedger(redis.Connection);
        await old.RecordAsync(Record("m1", "党费", "2025-11"), default);
        await old.RecordAsync(Record("m2", "主题党日", "2025-11", CompletionStatus.Leave), default);
        await old.AddOccurrenceAsync(Record(CompletionRecord.BranchSubject, "支部委员会", "2025"), "2025-03-02", 4, default);
        await old.AddOccurrenceAsync(Record(CompletionRecord.BranchSubject, "支部委员会", "2025"), "2025-06-10", 4, default);
        var database = await store.CreateDatabaseAsync();
        var outcomes = new List<ImportOutcome>();
        new RedisCompletionImport(redis.Connection).AttachTo(database, outcomes.Add);
        var ledger = new SqlCompletionLedger(database);

        var dues = await ledger.GetAsync(_branch, "m1", "党费", "2025-11", default);

        Assert.Equal(Record("m1", "党费", "2025-11"), dues);
        Assert.Equal(CompletionStatus.Leave, (await ledger.GetAsync(_branch, "m2", "主题党日", "2025-11", default))!.Status);
        Assert.Equal(2, await ledger.CountAsync(_branch, CompletionRecord.BranchSubject, "支部委员会", "2025", default));
        var outcome = Assert.Single(outcomes);
        Assert.True(outcome.Written >= 4);

        // Two more occurrences reach the requirement, as they would have in Redis.
        await ledger.AddOccurrenceAsync(Record(CompletionRecord.BranchSubject, "支部委员会", "2025"), "2025-09-01", 4, default);
        Assert.True((await ledger.AddOccurrenceAsync(Record(CompletionRecord.BranchSubject, "支部委员会", "2025"), "2025-12-01", 4, default)).Reached);
    }

    [Fact]
    public async Task Restart_LedgerNotEmpty_NothingImportedAgain()
    {
        var database = await store.CreateDatabaseAsync();
        var ledger = new SqlCompletionLedger(database);
        await ledger.RecordAsync(Record("m9", "党费", "2026-02"), default);
        await new RedisCompletionLedger(redis.Connection).RecordAsync(Record("m1", "党费", "2025-12"), default);

        // What a restart runs before first use: the ledger has completions, so the import does nothing.
        var outcome = await ImportDirectAsync(database);

        Assert.Null(outcome);
        Assert.Null(await ledger.GetAsync(_branch, "m1", "党费", "2025-12", default));
        Assert.NotNull(await ledger.GetAsync(_branch, "m9", "党费", "2026-02", default));
    }

    [Fact]
    public async Task Import_RunTwiceOnAnEmptiedLedger_Idempotent()
    {
        await new RedisCompletionLedger(redis.Connection).RecordAsync(Record("m1", "党费", "2025-10"), default);
        var database = await store.CreateDatabaseAsync();
        await database.EnsureReadyAsync(default);

        var first = await ImportDirectAsync(database);
        await using (var context = database.CreateContext())
        {
            // Concurrent instances both finding the ledger empty: the second writes nothing new.
            var second = await new RedisCompletionImport(redis.Connection).ImportIfEmptyAsync(context, default);
            Assert.Null(second);
        }

        Assert.NotNull(first);
        Assert.Single(await new SqlCompletionLedger(database).GetForDutyAsync(_branch, "党费", "2025-10", default));
    }

    private async Task<ImportOutcome?> ImportDirectAsync(Ledger.Storage.LedgerDatabase database)
    {
        await using var context = database.CreateContext();
        return await new RedisCompletionImport(redis.Connection).ImportIfEmptyAsync(context, default);
    }
}

/// <summary>The import into SQLite.</summary>
public sealed class RedisImportOnSqliteTests(RedisServerFixture redis, SqliteStore store) : RedisImportTests(redis, store), IClassFixture<RedisServerFixture>, IClassFixture<SqliteStore>;

/// <summary>The import into PostgreSQL.</summary>
public sealed class RedisImportOnPostgresTests(RedisServerFixture redis, PostgresStore store) : RedisImportTests(redis, store), IClassFixture<RedisServerFixture>, IClassFixture<PostgresStore>;
