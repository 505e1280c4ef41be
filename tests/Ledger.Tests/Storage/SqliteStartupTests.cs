using Microsoft.EntityFrameworkCore;
using PartyAffairs.Ledger.Completion;
using PartyAffairs.Ledger.Storage;
using PartyAffairs.Ledger.Tests.Infrastructure;
using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Ledger.Tests.Storage;

/// <summary>Start-up on SQLite: WAL mode, a restart after a crash mid-migration, several hosts of one process on one file.</summary>
public sealed class SqliteStartupTests(SqliteStore sqlite) : IClassFixture<SqliteStore>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EnsureReady_FileInWalModeAndMigrated()
    {
        using var database = LedgerDatabase.ForSqlite(Path.Combine(sqlite.Folder, Guid.NewGuid().ToString("N") + ".db"));

        await database.EnsureReadyAsync(default);

        await using var context = database.CreateContext();
        var mode = await context.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").SingleAsync();
        Assert.Equal("wal", mode);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Restart_StaleMigrationLockLeftByACrash_StartsAnyway()
    {
        var path = Path.Combine(sqlite.Folder, Guid.NewGuid().ToString("N") + ".db");
        using (var crashed = LedgerDatabase.ForSqlite(path))
        {
            await crashed.EnsureReadyAsync(default);
            await using var context = crashed.CreateContext();
            await context.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-12-04 06:24:38+00:00')");
        }

        using var restarted = LedgerDatabase.ForSqlite(path);

        await restarted.EnsureReadyAsync(default).WaitAsync(Patience);
        Assert.True(await new SqlCompletionLedger(restarted).RecordAsync(new CompletionRecord
        {
            BranchId = "b1", MemberId = "m1", DutyKind = "党费", PeriodKey = "2026-12", RecordedAt = LedgerHarness.Now,
        }, default));
    }

    [Fact]
    public async Task TwoObjectsOverOneFile_MigrateAndWriteWithoutConflict()
    {
        var path = Path.Combine(sqlite.Folder, Guid.NewGuid().ToString("N") + ".db");
        using var first = LedgerDatabase.ForSqlite(path);
        using var second = LedgerDatabase.ForSqlite(path);
        var ledgers = new[] { new SqlCompletionLedger(first), new SqlCompletionLedger(second) };

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => ledgers[i % 2].RecordAsync(new CompletionRecord
        {
            BranchId = "b1", MemberId = $"m{i % 20}", DutyKind = "党费", PeriodKey = "2026-12", RecordedAt = LedgerHarness.Now,
        }, default))).WaitAsync(Patience);

        Assert.Equal(20, results.Count(r => r));
    }
}
