using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PartyAffairs.Ledger.Storage;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresLedgerDbContext</c> build the context (no server needed).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLedgerDbContext>
{
    public PostgresLedgerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLedgerDbContext>().UseNpgsql("Host=localhost;Database=ledger_design").Options);
}
