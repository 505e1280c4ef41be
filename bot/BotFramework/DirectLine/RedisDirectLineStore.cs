using System.Text.Json;
using Microsoft.Extensions.Options;
using PartyAffairs.Bot.BotFramework.Schema;
using StackExchange.Redis;

namespace PartyAffairs.Bot.BotFramework.DirectLine;

/// <summary>
/// Direct Line conversations and transcripts in Redis (or the embedded Garnet). Keys, both expiring after
/// <see cref="DirectLineOptions.TranscriptRetentionDays"/> without activity:
/// <c>dl:{conversationId}:meta</c> (string, JSON <see cref="DirectLineConversation"/>, created with SET NX) and
/// <c>dl:{conversationId}:log</c> (list of activity JSON). RPUSH returns the new length atomically, and that length is the
/// activity's sequence number, so ids are gap-free and ordered without locks or scripts; the stored JSON has no id,
/// which is derived from the list index when read.
/// </summary>
internal sealed class RedisDirectLineStore(IConnectionMultiplexer redis, IOptions<DirectLineOptions> options) : IDirectLineStore
{
    private readonly TimeSpan _retention = TimeSpan.FromDays(options.Value.TranscriptRetentionDays);

    public async Task<DirectLineConversation?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        var value = await Run(db => db.StringGetAsync(MetaKey(conversationId)));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<DirectLineConversation>((byte[])value!, BotJson.Options);
    }

    public Task<bool> TryCreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var json = JsonSerializer.SerializeToUtf8Bytes(conversation, BotJson.Options);
        return Run(db => db.StringSetAsync(MetaKey(conversation.Id), json, _retention, When.NotExists));
    }

    public async Task<long> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id = null;
        var json = JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options);
        var logKey = LogKey(conversationId);
        var sequence = await Run(db => db.ListRightPushAsync(logKey, json));
        activity.Id = ActivityIds.Format(conversationId, sequence);
        // Keep both keys alive while the conversation is active; losing these two commands only shortens retention.
        var db = redis.GetDatabase();
        _ = db.KeyExpireAsync(logKey, _retention, CommandFlags.FireAndForget);
        _ = db.KeyExpireAsync(MetaKey(conversationId), _retention, CommandFlags.FireAndForget);
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
}
