using StackExchange.Redis;

namespace PartyAffairs.Bot.State;

/// <summary>
/// Per-conversation state of a chat account: the pending step. Expiry is decided with the injected clock;
/// the key also carries a store TTL so abandoned steps are cleaned up.
/// </summary>
public sealed class ConversationStateStore(IConnectionMultiplexer connection, TimeProvider time)
{
    /// <summary>Extra store lifetime past expiry, so "已超时" can still be told apart from "nothing pending".</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    private IDatabase Db => connection.GetDatabase();

    /// <summary>Sets (replaces) the pending step of an account.</summary>
    public Task SetPendingAsync(string channelId, string userId, PendingStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        cancellationToken.ThrowIfCancellationRequested();
        var ttl = step.ExpiresAt - time.GetUtcNow() + Grace;
        return Db.StringSetAsync(StoreKeys.Pending(channelId, userId), StoreJson.Write(step), ttl > TimeSpan.Zero ? ttl : Grace);
    }

    /// <summary>The pending step, expired or not, or null.</summary>
    public async Task<PendingStep?> GetPendingAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return StoreJson.Read<PendingStep>(await Db.StringGetAsync(StoreKeys.Pending(channelId, userId)));
    }

    /// <summary>Removes and returns the pending step atomically (GETDEL): of concurrent takers exactly one gets it.</summary>
    public async Task<PendingStep?> TakePendingAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return StoreJson.Read<PendingStep>(await Db.StringGetDeleteAsync(StoreKeys.Pending(channelId, userId)));
    }

    /// <summary>True when <paramref name="step"/> can no longer be confirmed.</summary>
    public bool IsExpired(PendingStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return time.GetUtcNow() >= step.ExpiresAt;
    }
}
