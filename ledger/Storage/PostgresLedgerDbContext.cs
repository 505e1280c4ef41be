using Microsoft.EntityFrameworkCore;

namespace PartyAffairs.Ledger.Storage;

/// <summary>The ledger on PostgreSQL; its migrations are in <c>Migrations/Postgres</c>.</summary>
internal sealed class PostgresLedgerDbContext(DbContextOptions<PostgresLedgerDbContext> options) : LedgerDbContext(options);
