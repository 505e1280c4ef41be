using System.Text.Json;
using PartyAffairs.Scheduler.Delivery;
using StackExchange.Redis;

namespace PartyAffairs.Scheduler.Settings;

/// <summary>Branch settings as one JSON string per branch (<c>pa:branch:{id}:reminders</c>).</summary>
public sealed class RedisBranchSettingsStore(IConnectionMultiplexer connection) : IBranchSettingsStore
{
    /// <inheritdoc />
    public async Task<BranchReminderSettings?> GetAsync(string branchId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await connection.GetDatabase().StringGetAsync(ReminderKeys.Settings(branchId));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<BranchReminderSettings>(value.ToString(), BranchSettingsJson.Options);
    }

    /// <inheritdoc />
    public async Task SaveAsync(string branchId, BranchReminderSettings settings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await connection.GetDatabase().StringSetAsync(ReminderKeys.Settings(branchId), JsonSerializer.Serialize(settings, BranchSettingsJson.Options));
    }
}
