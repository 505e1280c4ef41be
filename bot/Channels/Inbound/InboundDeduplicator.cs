using StackExchange.Redis;

namespace PartyAffairs.Bot.Channels.Inbound;

/// <summary>
/// Remembers platform message ids for <see cref="Window"/> (SET NX with a TTL), so a callback the platform repeats
/// (retries, replays) is handled once. Keys: <c>pa:channel:seen:{channelId}:{messageId}</c>.
/// </summary>
public sealed class InboundDeduplicator(IConnectionMultiplexer connection)
{
    /// <summary>How long a message id is remembered.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>The Redis key for a message id.</summary>
    public static RedisKey Key(string channelId, string messageId) => $"pa:channel:seen:{channelId}:{messageId}";

    /// <summary>True the first time the id is seen within the window; false for a repeat.</summary>
    public Task<bool> TryClaimAsync(string channelId, string messageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return connection.GetDatabase().StringSetAsync(Key(channelId, messageId), 1, Window, When.NotExists);
    }

    /// <summary>Forgets an id whose handling could not be accepted, so the platform's retry is handled.</summary>
    public async Task ReleaseAsync(string channelId, string messageId)
    {
        try
        {
            await connection.GetDatabase().KeyDeleteAsync(Key(channelId, messageId));
        }
        catch (RedisException)
        {
            // The id then expires with its TTL; the platform's retries inside the window are dropped.
        }
    }
}
