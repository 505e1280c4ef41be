using PartyAffairs.Ledger.Storage;

namespace PartyAffairs.Ledger.Tests.Infrastructure;

/// <summary>A relational store the ledger tests run against: every test class runs once per store.</summary>
public interface ILedgerStore
{
    /// <summary>A new, empty (not yet migrated) ledger database; disposed with the store.</summary>
    Task<LedgerDatabase> CreateDatabaseAsync();
}
