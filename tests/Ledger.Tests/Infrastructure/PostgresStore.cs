using PartyAffairs.Ledger.Storage;

namespace PartyAffairs.Ledger.Tests.Infrastructure;

/// <summary>Databases on the shared test PostgreSQL server, one per test, dropped with the fixture.</summary>
public sealed class PostgresStore : ILedgerStore, IAsyncLifetime
{
    private readonly List<(string Name, LedgerDatabase Database)> _databases = [];

    /// <summary>The server.</summary>
    public PostgresServer Server { get; private set; } = null!;

    public async Task<LedgerDatabase> CreateDatabaseAsync()
    {
        var name = await Server.CreateDatabaseAsync();
        var database = LedgerDatabase.ForPostgres(Server.ConnectionString(name));
        lock (_databases)
        {
            _databases.Add((name, database));
        }

        return database;
    }

    public async Task InitializeAsync() => Server = await PostgresServer.AcquireAsync();

    public async Task DisposeAsync()
    {
        foreach (var (name, database) in _databases)
        {
            database.Dispose();
            await Server.DropDatabaseAsync(name);
        }

        await PostgresServer.ReleaseAsync();
    }
}
