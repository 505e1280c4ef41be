using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PartyAffairs.Ledger.Storage;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteLedgerDbContext</c> build the context (docs/ledger.md).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLedgerDbContext>
{
    public SqliteLedgerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLedgerDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
