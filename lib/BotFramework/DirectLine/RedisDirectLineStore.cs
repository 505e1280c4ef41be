using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Schema;
using StackExchange.Redis;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>
/// Direct Line conversations and transcripts in Redis (or the embedded Garnet). Keys, both expiring
/// <see cref="DirectLineOptions.TranscriptRetentionDays"/> after the conversation was last active:
/// <c>dl:{conversationId}:meta</c> (string, JSON <see cref="DirectLineConversation"/>, created with SET NX) and
/// <c>dl:{conversationId}:log</c> (list of activity JSON). RPUSH returns the new length atomically, and that length is the
/// activity's sequence number, so ids are gap-free and ordered without locks or scripts; the stored JSON has no id,
/// which is derived from the list index when read.
/// </summary>
/// <remarks>
/// A conversation's metadata never changes once created, so it is cached in memory for a few minutes (bounded), and the
/// keys' expiry is pushed back at most once an hour per conversation: a turn then costs one round trip here (the RPUSH).
/// </remarks>
internal sealed class RedisDirectLineStore(IConnectionMultiplexer redis, IOptions<DirectLineOptions> options, TimeProvider time) : IDirectLineStore
{
    private const int CacheLimit = 10_000;
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ExpiryRefreshInterval = TimeSpan.FromHours(1);

    private readonly TimeSpan _retention = TimeSpan.FromDays(options.Value.TranscriptRetentionDays);
    private readonly ConcurrentDictionary<string, CachedConversation> _cache = new(StringComparer.Ordinal);

    public async Task<DirectLineConversation?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(conversationId, out var cached) && now - cached.CachedAt < CacheLifetime)
        {
            return cached.Conversation;
        }

        var value = await Run(db => db.StringGetAsync(MetaKey(conversationId)));
        if (value.IsNullOrEmpty)
        {
            _cache.TryRemove(conversationId, out _);
            return null;
        }

        var conversation = JsonSerializer.Deserialize<DirectLineConversation>((byte[])value!, BotJson.Options)!;
        Remember(conversation, now, cached?.ExpiryRefreshedAt ?? DateTimeOffset.MinValue);
        return conversation;
    }

    public async Task<bool> TryCreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var json = JsonSerializer.SerializeToUtf8Bytes(conversation, BotJson.Options);
        var created = await Run(db => db.StringSetAsync(MetaKey(conversation.Id), json, _retention, When.NotExists));
        if (created)
        {
            var now = time.GetUtcNow();
            Remember(conversation, now, now);
        }

        return created;
    }

    public async Task<long> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id = null;
        var json = JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options);
        var logKey = LogKey(conversationId);
        var sequence = await Run(db => db.ListRightPushAsync(logKey, json));
        activity.Id = ActivityIds.Format(conversationId, sequence);
        RefreshExpiry(conversationId, logKey);
        return sequence;
    }

    public async Task<TranscriptPage> ReadAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken)
    {
        var values = await Run(db => db.ListRangeAsync(LogKey(conversationId), afterSequence, afterSequence + max - 1));
        if (values.Length == 0)
        {
            return new TranscriptPage([], afterSequence);
        }

        var activities = new Activity[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var activity = JsonSerializer.Deserialize<Activity>((byte[])values[i]!, BotJson.Options)!;
            activity.Id = ActivityIds.Format(conversationId, afterSequence + i + 1);
            activities[i] = activity;
        }

        return new TranscriptPage(activities, afterSequence + values.Length);
    }

    public Task<long> LastSequenceAsync(string conversationId, CancellationToken cancellationToken) =>
        Run(db => db.ListLengthAsync(LogKey(conversationId)));

    private static RedisKey MetaKey(string conversationId) => $"dl:{{{conversationId}}}:meta";

    private static RedisKey LogKey(string conversationId) => $"dl:{{{conversationId}}}:log";

    /// <summary>Pushes both keys' expiry back, at most once an hour per conversation (losing these commands only shortens retention).</summary>
    private void RefreshExpiry(string conversationId, RedisKey logKey)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(conversationId, out var cached) && now - cached.ExpiryRefreshedAt < ExpiryRefreshInterval)
        {
            return;
        }

        var db = redis.GetDatabase();
        _ = db.KeyExpireAsync(logKey, _retention, CommandFlags.FireAndForget);
        _ = db.KeyExpireAsync(MetaKey(conversationId), _retention, CommandFlags.FireAndForget);
        if (cached is not null)
        {
            cached.ExpiryRefreshedAt = now;
        }
    }

    private void Remember(DirectLineConversation conversation, DateTimeOffset now, DateTimeOffset expiryRefreshedAt)
    {
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        _cache[conversation.Id] = new CachedConversation(conversation, now) { ExpiryRefreshedAt = expiryRefreshedAt };
    }

    private async Task<T> Run<T>(Func<IDatabase, Task<T>> command)
    {
        try
        {
            return await command(redis.GetDatabase());
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new DirectLineStoreUnavailableException("The transcript store is unavailable.", e);
        }
    }

    private sealed class CachedConversation(DirectLineConversation conversation, DateTimeOffset cachedAt)
    {
        public DirectLineConversation Conversation { get; } = conversation;

        public DateTimeOffset CachedAt { get; } = cachedAt;

        public DateTimeOffset ExpiryRefreshedAt { get; set; }
    }
}
