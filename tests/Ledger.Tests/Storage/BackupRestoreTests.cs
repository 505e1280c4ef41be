using PartyAffairs.Ledger.Completion;
using PartyAffairs.Ledger.Storage;
using PartyAffairs.Ledger.Tests.Infrastructure;
using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Ledger.Tests.Storage;

/// <summary>Backup and restore as docs/ledger.md describes them: write, back up, write more, restore, see the backed-up state.</summary>
public sealed class BackupRestoreTests(SqliteStore sqlite, PostgresStore postgres) : IClassFixture<SqliteStore>, IClassFixture<PostgresStore>
{
    private static CompletionRecord Record(string member, string period) => new()
    {
        BranchId = "b1", MemberId = member, DutyKind = "党费", PeriodKey = period, RecordedAt = LedgerHarness.Now,
    };

    [Fact]
    public async Task Sqlite_BackupWhileRunningThenRestore_BackedUpStateBack()
    {
        var path = Path.Combine(sqlite.Folder, "live-" + Guid.NewGuid().ToString("N") + ".db");
        var backup = Path.Combine(sqlite.Folder, "backup", Guid.NewGuid().ToString("N") + ".db");
        var database = LedgerDatabase.ForSqlite(path);
        var ledger = new SqlCompletionLedger(database);
        await ledger.RecordAsync(Record("m1", "2026-11"), default);

        await LedgerBackup.BackupSqliteAsync(database, backup, default);
        await ledger.RecordAsync(Record("m2", "2026-11"), default);
        await ledger.RemoveAsync("b1", "m1", "党费", "2026-11", default);
        Assert.Null(await ledger.GetAsync("b1", "m1", "党费", "2026-11", default));

        // Restore: stop (release the file), replace it and remove the write-ahead log, start again.
        database.Dispose();
        File.Copy(backup, path, overwrite: true);
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
        using var restored = LedgerDatabase.ForSqlite(path);
        var after = new SqlCompletionLedger(restored);

        Assert.NotNull(await after.GetAsync("b1", "m1", "党费", "2026-11", default));
        Assert.Null(await after.GetAsync("b1", "m2", "党费", "2026-11", default));
        await Assert.ThrowsAsync<IOException>(() => LedgerBackup.BackupSqliteAsync(restored, backup, default));
    }

    [Fact]
    public async Task Postgres_PgDumpThenPgRestore_BackedUpStateBack()
    {
        var server = postgres.Server;
        var name = await server.CreateDatabaseAsync();
        var dump = Path.Combine(Path.GetTempPath(), "pa-ledger-" + Guid.NewGuid().ToString("N") + ".dump");
        try
        {
            using (var database = LedgerDatabase.ForPostgres(server.ConnectionString(name)))
            {
                var ledger = new SqlCompletionLedger(database);
                await ledger.RecordAsync(Record("m1", "2026-11"), default);

                await server.RunClientAsync("pg_dump", ["-h", "127.0.0.1", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-Fc", "-f", dump, name]);
                await ledger.RecordAsync(Record("m2", "2026-11"), default);
                await ledger.RemoveAsync("b1", "m1", "党费", "2026-11", default);
            }

            // Restore into a fresh database of the same name, as after losing the server.
            await server.DropDatabaseAsync(name);
            await server.RunClientAsync("pg_restore", ["-h", "127.0.0.1", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "--create", "-d", "postgres", dump]);
            using var restored = LedgerDatabase.ForPostgres(server.ConnectionString(name));
            var after = new SqlCompletionLedger(restored);

            Assert.NotNull(await after.GetAsync("b1", "m1", "党费", "2026-11", default));
            Assert.Null(await after.GetAsync("b1", "m2", "党费", "2026-11", default));
        }
        finally
        {
            File.Delete(dump);
            await server.DropDatabaseAsync(name);
        }
    }
}
