using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>
/// The transcript store used when no Redis is registered: bounded to <see cref="DirectLineOptions.InMemoryMaxConversations"/>
/// conversations (least recently active dropped first) and <see cref="DirectLineOptions.TranscriptMaxActivities"/>
/// activities each (oldest dropped; sequence numbers keep counting). Lost on restart.
/// </summary>
internal sealed class InMemoryDirectLineStore(IOptions<DirectLineOptions> options, TimeProvider time) : IDirectLineStore
{
    private readonly ConcurrentDictionary<string, Entry> _conversations = new(StringComparer.Ordinal);
    private readonly int _maxConversations = options.Value.InMemoryMaxConversations;
    private readonly int _maxActivities = options.Value.TranscriptMaxActivities;

    public Task<DirectLineConversation?> GetConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.TryGetValue(conversationId, out var entry) ? entry.Conversation : null);

    public Task<bool> TryCreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var created = _conversations.TryAdd(conversation.Id, new Entry(conversation, time.GetUtcNow()));
        if (created && _conversations.Count > _maxConversations)
        {
            Evict();
        }

        return Task.FromResult(created);
    }

    public Task<long> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            throw new InvalidOperationException("The conversation does not exist.");
        }

        lock (entry)
        {
            var sequence = entry.Dropped + entry.Activities.Count + 1;
            activity.Id = ActivityIds.Format(conversationId, sequence);
            entry.Activities.Add(JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options));
            if (entry.Activities.Count > _maxActivities)
            {
                entry.Activities.RemoveAt(0);
                entry.Dropped++;
            }

            entry.LastActive = time.GetUtcNow();
            return Task.FromResult(sequence);
        }
    }

    public Task<TranscriptPage> ReadAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return Task.FromResult(new TranscriptPage([], afterSequence));
        }

        lock (entry)
        {
            var start = (int)Math.Max(0, afterSequence - entry.Dropped);
            var activities = new List<Activity>();
            for (var i = start; i < entry.Activities.Count && activities.Count < max; i++)
            {
                activities.Add(JsonSerializer.Deserialize<Activity>(entry.Activities[i], BotJson.Options)!);
            }

            var last = activities.Count > 0 ? entry.Dropped + start + activities.Count : afterSequence;
            return Task.FromResult(new TranscriptPage(activities, last));
        }
    }

    public Task<long> LastSequenceAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return Task.FromResult(0L);
        }

        lock (entry)
        {
            return Task.FromResult(entry.Dropped + entry.Activities.Count);
        }
    }

    private void Evict()
    {
        var oldest = _conversations.OrderBy(pair => pair.Value.LastActive).Take(_conversations.Count - _maxConversations).ToList();
        foreach (var pair in oldest)
        {
            _conversations.TryRemove(pair);
        }
    }

    private sealed class Entry(DirectLineConversation conversation, DateTimeOffset created)
    {
        public DirectLineConversation Conversation { get; } = conversation;

        public List<byte[]> Activities { get; } = [];

        public long Dropped { get; set; }

        public DateTimeOffset LastActive { get; set; } = created;
    }
}
