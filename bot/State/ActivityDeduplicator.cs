using StackExchange.Redis;

namespace PartyAffairs.Bot.State;

/// <summary>
/// Remembers handled activity ids for a day, so an activity a channel delivers again (retries) is handled,
/// recorded and answered once.
/// </summary>
public sealed class ActivityDeduplicator(IConnectionMultiplexer connection)
{
    /// <summary>How long an activity id is remembered.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>True the first time an activity id is seen (SET NX); false for a repeat delivery.</summary>
    public Task<bool> TryBeginAsync(string channelId, string activityId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return connection.GetDatabase().StringSetAsync(StoreKeys.Activity(channelId, activityId), 1, Window, When.NotExists);
    }

    /// <summary>Forgets an activity whose handling failed, so the channel's retry is handled (best effort).</summary>
    public Task ForgetAsync(string channelId, string activityId) =>
        connection.GetDatabase().KeyDeleteAsync(StoreKeys.Activity(channelId, activityId), CommandFlags.FireAndForget);
}
