using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Schema;
using StackExchange.Redis;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>
/// Direct Line conversations and transcripts in Redis (or the embedded Garnet). Keys, both expiring
/// <see cref="DirectLineOptions.TranscriptRetentionDays"/> after the conversation was last active:
/// <c>dl:{conversationId}:meta</c> (string, JSON <see cref="DirectLineConversation"/>, created with SET NX),
/// <c>dl:{conversationId}:log</c> (list of activity JSON) and <c>dl:{conversationId}:dropped</c> (how many activities were
/// trimmed from the list's head). An append is one MULTI of RPUSH and GET dropped, so the activity's sequence number
/// (dropped + new length) is gap-free and ordered without locks or scripts; the stored JSON has no id, which is derived
/// from the list index when read. A list longer than <see cref="DirectLineOptions.TranscriptMaxActivities"/> (plus a tenth,
/// so trimming is batched) loses its oldest entries in one MULTI of LTRIM and INCRBY dropped: sequence numbers and
/// watermarks stay valid, and a client behind the trimmed head resumes from the oldest activity kept.
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
    private readonly int _maxActivities = options.Value.TranscriptMaxActivities;
    private readonly int _trimSlack = Math.Max(1, options.Value.TranscriptMaxActivities / 10);
    private readonly ConcurrentDictionary<string, CachedConversation> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _droppedHints = new(StringComparer.Ordinal);

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
        var droppedKey = DroppedKey(conversationId);
        var (length, dropped) = await Run(async db =>
        {
            var append = db.CreateTransaction();
            var pushed = append.ListRightPushAsync(logKey, json);
            var trimmed = append.StringGetAsync(droppedKey);
            await append.ExecuteAsync();
            return (await pushed, ReadCount(await trimmed));
        });
        var sequence = dropped + length;
        activity.Id = ActivityIds.Format(conversationId, sequence);
        if (length > _maxActivities + _trimSlack)
        {
            if (await Run(db => TrimAsync(db, logKey, droppedKey, dropped, length - _maxActivities)))
            {
                RememberDropped(conversationId, dropped + length - _maxActivities);
            }
        }

        RefreshExpiry(conversationId, logKey);
        return sequence;
    }

    public async Task<TranscriptPage> ReadAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken)
    {
        // One snapshot of the head offset and the page read at the offset last seen: when a trim moved the head since, the
        // page is read again at the new offset (rare: a trim happens once per tenth of the limit's appends).
        var guess = _droppedHints.GetValueOrDefault(conversationId);
        var (dropped, values) = await Run(db => ReadPageAsync(db, conversationId, guess, afterSequence, max));
        if (dropped != guess)
        {
            RememberDropped(conversationId, dropped);
            (dropped, values) = await Run(db => ReadPageAsync(db, conversationId, dropped, afterSequence, max));
        }

        if (values.Length == 0)
        {
            return new TranscriptPage([], afterSequence);
        }

        var first = Math.Max(afterSequence, dropped);
        var activities = new Activity[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var activity = JsonSerializer.Deserialize<Activity>((byte[])values[i]!, BotJson.Options)!;
            activity.Id = ActivityIds.Format(conversationId, first + i + 1);
            activities[i] = activity;
        }

        return new TranscriptPage(activities, first + values.Length);
    }

    private static async Task<(long Dropped, RedisValue[] Values)> ReadPageAsync(IDatabase db, string conversationId, long dropped, long afterSequence, int max)
    {
        var start = Math.Max(0, afterSequence - dropped);
        var read = db.CreateTransaction();
        var trimmed = read.StringGetAsync(DroppedKey(conversationId));
        var page = read.ListRangeAsync(LogKey(conversationId), start, start + max - 1);
        await read.ExecuteAsync();
        return (ReadCount(await trimmed), await page);
    }

    private void RememberDropped(string conversationId, long dropped)
    {
        if (_droppedHints.Count >= CacheLimit)
        {
            _droppedHints.Clear();
        }

        _droppedHints[conversationId] = dropped;
    }

    public Task<long> LastSequenceAsync(string conversationId, CancellationToken cancellationToken) =>
        Run(async db =>
        {
            var read = db.CreateTransaction();
            var trimmed = read.StringGetAsync(DroppedKey(conversationId));
            var length = read.ListLengthAsync(LogKey(conversationId));
            await read.ExecuteAsync();
            return ReadCount(await trimmed) + await length;
        });

    private static RedisKey MetaKey(string conversationId) => $"dl:{{{conversationId}}}:meta";

    private static RedisKey LogKey(string conversationId) => $"dl:{{{conversationId}}}:log";

    private static RedisKey DroppedKey(string conversationId) => $"dl:{{{conversationId}}}:dropped";

    private static long ReadCount(RedisValue value) => value.IsNullOrEmpty ? 0 : (long)value;

    /// <summary>
    /// Drops the <paramref name="excess"/> oldest activities and advances the head offset with them, atomically, provided the
    /// head is still where this append saw it (<paramref name="dropped"/>): of appends trimming at once, one wins and the
    /// others change nothing, so the transcript never falls below the limit. The list only grows at its tail meanwhile.
    /// </summary>
    private async Task<bool> TrimAsync(IDatabase db, RedisKey logKey, RedisKey droppedKey, long dropped, long excess)
    {
        var trim = db.CreateTransaction();
        trim.AddCondition(dropped == 0 ? Condition.KeyNotExists(droppedKey) : Condition.StringEqual(droppedKey, dropped));
        _ = trim.ListTrimAsync(logKey, excess, -1);
        _ = trim.StringIncrementAsync(droppedKey, excess);
        _ = trim.KeyExpireAsync(droppedKey, _retention);
        return await trim.ExecuteAsync();
    }

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
        _ = db.KeyExpireAsync(DroppedKey(conversationId), _retention, CommandFlags.FireAndForget);
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
