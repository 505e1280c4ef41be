using System.Collections.Concurrent;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Ledger.Tests.Infrastructure;

/// <summary>Branch settings in memory (the Redis store has its own tests in the scheduler).</summary>
public sealed class InMemorySettings : IBranchSettingsStore
{
    private readonly ConcurrentDictionary<string, BranchReminderSettings> _settings = new(StringComparer.Ordinal);

    public Task<BranchReminderSettings?> GetAsync(string branchId, CancellationToken cancellationToken) =>
        Task.FromResult(_settings.TryGetValue(branchId, out var settings) ? settings : null);

    public Task SaveAsync(string branchId, BranchReminderSettings settings, CancellationToken cancellationToken)
    {
        _settings[branchId] = settings;
        return Task.CompletedTask;
    }
}
