namespace PartyAffairs.Ledger.Storage;

/// <summary>Which relational store keeps the ledger.</summary>
public enum LedgerProvider
{
    /// <summary>An embedded SQLite file (the default: nothing to install).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (several instances share it).</summary>
    Postgres,
}
