using System.Text.Json;
using PartyAffairs.Bot.State;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Conversation;

/// <summary>
/// A branch's <see cref="BranchConversationSettings"/> in the store: one JSON string, <c>pa:branch:{id}:conversation</c>.
/// Roles are validated against the roster's roles (<see cref="MemberRoles"/>) before they are saved.
/// </summary>
internal sealed class ConversationSettingsStore(IConnectionMultiplexer connection)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The key of a branch's settings.</summary>
    public static RedisKey Key(string branchId) => $"pa:branch:{branchId}:conversation";

    /// <summary>The branch's settings (defaults when never set).</summary>
    public async Task<BranchConversationSettings> GetAsync(string branchId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await connection.GetDatabase().StringGetAsync(Key(branchId));
        return value.IsNullOrEmpty ? new BranchConversationSettings() : JsonSerializer.Deserialize<BranchConversationSettings>(value.ToString(), Json) ?? new BranchConversationSettings();
    }

    /// <summary>Saves the settings when every role is a roster role and at least one is given; false (nothing changed) otherwise.</summary>
    public async Task<bool> SaveAsync(string branchId, BranchConversationSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsValid(settings))
        {
            return false;
        }

        var normalized = settings with { StatusViewers = settings.StatusViewers.Distinct(StringComparer.Ordinal).ToArray() };
        await connection.GetDatabase().StringSetAsync(Key(branchId), JsonSerializer.Serialize(normalized, Json));
        return true;
    }

    /// <summary>True when the settings can be saved.</summary>
    public static bool IsValid(BranchConversationSettings settings) =>
        settings is { StatusViewers: { Count: > 0 and <= 20 } roles } && roles.All(MemberRoles.IsValid);
}
