using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PartyAffairs.Ledger.Storage;

/// <summary>
/// The ledger's database: an embedded SQLite file or a PostgreSQL server. Migrations are applied once, on first use
/// (so the host starts while a server is down and catches up when it returns); every failure to reach the database
/// surfaces as <see cref="LedgerUnavailableException"/>. On SQLite, writes of this process go through one async gate
/// (one writer at a time, as SQLite allows, without blocking a thread); the busy timeout covers other processes.
/// </summary>
public sealed partial class LedgerDatabase : IDisposable
{
    /// <summary>How long a SQLite statement waits for another writer's lock before failing.</summary>
    public const int SqliteBusyTimeoutMilliseconds = 5000;

    // One instance for every database: EF keys its internal service providers on the options' extensions.
    private static readonly SqlitePragmas Pragmas = new(SqliteBusyTimeoutMilliseconds);

    // A SQLite file's gates are per process, not per object: every LedgerDatabase over one file (several hosts in one
    // test process) migrates and writes one at a time.
    private static readonly ConcurrentDictionary<string, (SemaphoreSlim Migration, SemaphoreSlim Writes)> FileGates = new(StringComparer.Ordinal);

    private readonly DbContextOptions _options;
    private readonly SemaphoreSlim _migration;
    private readonly SemaphoreSlim? _writeGate;
    private readonly List<Func<LedgerDbContext, CancellationToken, Task>> _initializers = [];
    private volatile bool _ready;

    private LedgerDatabase(LedgerProvider provider, DbContextOptions options, string? sqlitePath)
    {
        Provider = provider;
        _options = options;
        SqlitePath = sqlitePath;
        if (sqlitePath is null)
        {
            _migration = new SemaphoreSlim(1, 1);
        }
        else
        {
            (_migration, _writeGate) = FileGates.GetOrAdd(sqlitePath, _ => (new SemaphoreSlim(1, 1), new SemaphoreSlim(1, 1)));
        }
    }

    /// <summary>The store.</summary>
    public LedgerProvider Provider { get; }

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqlitePath { get; }

    /// <summary>A database in the SQLite file at <paramref name="path"/> (created with its folder when missing).</summary>
    public static LedgerDatabase ForSqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = SqliteBusyTimeoutMilliseconds / 1000,
        }.ToString();
        var options = new DbContextOptionsBuilder<SqliteLedgerDbContext>()
            .UseSqlite(connection)
            .AddInterceptors(Pragmas)
            .Options;
        return new LedgerDatabase(LedgerProvider.Sqlite, options, full);
    }

    /// <summary>A database on the PostgreSQL server <paramref name="connectionString"/> names (created by the first migration when missing).</summary>
    public static LedgerDatabase ForPostgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Fail fast enough for an admin request to answer 503 rather than hang; a string that sets its own keeps it.
        if (!TimeoutKey().IsMatch(connectionString))
        {
            builder.Timeout = 3;
        }

        var options = new DbContextOptionsBuilder<PostgresLedgerDbContext>()
            .UseNpgsql(builder.ConnectionString)
            .Options;
        return new LedgerDatabase(LedgerProvider.Postgres, options, null);
    }

    /// <summary>
    /// Adds work that runs once after the migrations and before any other use of the database (the import of an
    /// existing deployment's completions); when it fails, the database is not ready and the next use tries again.
    /// </summary>
    internal void OnReady(Func<LedgerDbContext, CancellationToken, Task> initializer)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        if (_ready)
        {
            throw new InvalidOperationException("The ledger database is already in use.");
        }

        _initializers.Add(initializer);
    }

    /// <summary>Applies pending migrations (once; again after a failure), turns on write-ahead logging on SQLite, and runs the start-up work.</summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _migration.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }

            await TranslateAsync(async () =>
            {
                if (SqlitePath is not null)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(SqlitePath)!);
                }

                await using var context = CreateContext();
                if (Provider == LedgerProvider.Sqlite)
                {
                    // Persistent in the file: readers never block the writer, and a backup (VACUUM INTO) runs beside both.
                    await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);

                    // EF's SQLite migration lock is a row in __EFMigrationsLock: a process stopped while migrating leaves it,
                    // and every later start would wait for it forever. One process uses a SQLite file and this process
                    // migrates it under the gate above, so a row found here is stale.
                    await context.Database.ExecuteSqlRawAsync(
                        "CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL); DELETE FROM \"__EFMigrationsLock\";",
                        cancellationToken);
                }

                // Not cancelled half way: a stopping host lets the migration (a few statements) finish.
                await context.Database.MigrateAsync(CancellationToken.None);
                foreach (var initializer in _initializers)
                {
                    await initializer(context, cancellationToken);
                }

                return true;
            });
            _ready = true;
        }
        finally
        {
            _migration.Release();
        }
    }

    /// <summary>True when the database answers a trivial query (the health check).</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureReadyAsync(cancellationToken);
            return await ReadAsync(async (db, ct) => await db.Database.CanConnectAsync(ct), cancellationToken);
        }
        catch (LedgerUnavailableException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (SqlitePath is null)
        {
            _migration.Dispose();
        }
        else
        {
            // Pooled connections keep the file open; release them so the file can be replaced (restore) or deleted.
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Runs a read in a fresh context.</summary>
    internal async Task<T> ReadAsync<T>(Func<LedgerDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        return await TranslateAsync(async () =>
        {
            await using var context = CreateContext();
            context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            return await work(context, cancellationToken);
        });
    }

    /// <summary>Runs a write in a fresh context (on SQLite, one writer of this process at a time).</summary>
    internal async Task<T> WriteAsync<T>(Func<LedgerDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        if (_writeGate is not null)
        {
            await _writeGate.WaitAsync(cancellationToken);
        }

        try
        {
            return await TranslateAsync(async () =>
            {
                await using var context = CreateContext();
                return await work(context, cancellationToken);
            });
        }
        finally
        {
            _writeGate?.Release();
        }
    }

    /// <summary>A new context over this database (callers dispose it).</summary>
    internal LedgerDbContext CreateContext() => Provider == LedgerProvider.Sqlite
        ? new SqliteLedgerDbContext((DbContextOptions<SqliteLedgerDbContext>)_options)
        : new PostgresLedgerDbContext((DbContextOptions<PostgresLedgerDbContext>)_options);

    /// <summary>True for a unique-constraint violation (SQLite SQLITE_CONSTRAINT_UNIQUE, PostgreSQL 23505).</summary>
    internal static bool IsUniqueViolation(Exception e) => (e is DbUpdateException { InnerException: { } inner } ? inner : e) switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private static async Task<T> TranslateAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (e is not LedgerUnavailableException && !IsUniqueViolation(e) && IsUnavailable(e))
        {
            throw new LedgerUnavailableException("The ledger database is unavailable: " + e.Message, e);
        }
    }

    private static bool IsUnavailable(Exception e) => e switch
    {
        DbException or TimeoutException or System.Net.Sockets.SocketException => true,
        DbUpdateException { InnerException: { } inner } => IsUnavailable(inner),
        InvalidOperationException { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };

    [GeneratedRegex(@"(^|;)\s*timeout\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeoutKey();
}
