using PartyAffairs.Ledger.Storage;

namespace PartyAffairs.Ledger.Tests.Infrastructure;

/// <summary>SQLite files in a temporary folder, one per database, removed with the fixture.</summary>
public sealed class SqliteStore : ILedgerStore, IAsyncLifetime
{
    private readonly List<LedgerDatabase> _databases = [];

    /// <summary>The folder holding the files.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "pa-ledger-" + Guid.NewGuid().ToString("N"));

    public Task<LedgerDatabase> CreateDatabaseAsync()
    {
        var database = LedgerDatabase.ForSqlite(Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".db"));
        lock (_databases)
        {
            _databases.Add(database);
        }

        return Task.FromResult(database);
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
