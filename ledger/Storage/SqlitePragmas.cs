using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PartyAffairs.Ledger.Storage;

/// <summary>Sets the busy timeout on every SQLite connection EF opens, so a writer waits for a lock instead of failing at once.</summary>
internal sealed class SqlitePragmas(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyTimeoutMilliseconds};");
        return command;
    }
}
