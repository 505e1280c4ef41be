using Microsoft.EntityFrameworkCore;

namespace PartyAffairs.Ledger.Storage;

/// <summary>
/// An online backup of the SQLite ledger: <c>VACUUM INTO</c> writes a consistent, compacted copy while the service keeps
/// running (readers and the writer go on; WAL mode). Restore is offline: stop the service, replace the file (and remove
/// its <c>-wal</c> and <c>-shm</c> files), start. PostgreSQL is backed up with <c>pg_dump</c> (docs/ledger.md).
/// </summary>
public static class LedgerBackup
{
    /// <summary>Writes a copy of the SQLite ledger to <paramref name="destination"/>, which must not exist yet.</summary>
    /// <exception cref="NotSupportedException">The ledger is on PostgreSQL.</exception>
    /// <exception cref="IOException">The destination exists.</exception>
    public static async Task BackupSqliteAsync(LedgerDatabase database, string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        if (database.Provider != LedgerProvider.Sqlite)
        {
            throw new NotSupportedException("Back up a PostgreSQL ledger with pg_dump (docs/ledger.md).");
        }

        var target = Path.GetFullPath(destination);
        if (File.Exists(target))
        {
            throw new IOException($"The backup file {target} exists already.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await database.ReadAsync(async (db, ct) => await db.Database.ExecuteSqlAsync($"VACUUM INTO {target}", ct), cancellationToken);
    }
}
