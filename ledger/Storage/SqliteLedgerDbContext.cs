using Microsoft.EntityFrameworkCore;

namespace PartyAffairs.Ledger.Storage;

/// <summary>The ledger on SQLite; its migrations are in <c>Migrations/Sqlite</c>.</summary>
internal sealed class SqliteLedgerDbContext(DbContextOptions<SqliteLedgerDbContext> options) : LedgerDbContext(options);
