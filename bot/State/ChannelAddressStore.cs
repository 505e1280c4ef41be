using PartyAffairs.BotFramework.Schema;
using StackExchange.Redis;

namespace PartyAffairs.Bot.State;

/// <summary>
/// Each member's conversation reference per channel, refreshed on every turn, so proactive messages
/// (notices, nudges, reminders) reach the member through the channel they used last.
/// </summary>
public sealed class ChannelAddressStore(IConnectionMultiplexer connection)
{
    private IDatabase Db => connection.GetDatabase();

    /// <summary>Stores the reference for its channel and marks that channel as the one used last (one HSET).</summary>
    public Task SaveAsync(string memberId, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        cancellationToken.ThrowIfCancellationRequested();
        var channel = reference.ChannelId ?? "unknown";
        return Db.HashSetAsync(StoreKeys.MemberAddresses(memberId), [
            new HashEntry(channel, StoreJson.Write(reference)),
            new HashEntry(StoreKeys.LastChannelField, channel),
        ]);
    }

    /// <summary>The reference of the channel the member used last, or null when the member never wrote.</summary>
    public async Task<ConversationReference?> GetPreferredAsync(string memberId, CancellationToken cancellationToken)
    {
        var found = await GetPreferredAsync([memberId], cancellationToken);
        return found.GetValueOrDefault(memberId);
    }

    /// <summary>Preferred references of several members in one round trip; members without one are left out.</summary>
    public async Task<IReadOnlyDictionary<string, ConversationReference>> GetPreferredAsync(IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        cancellationToken.ThrowIfCancellationRequested();
        var db = Db;
        var all = await Task.WhenAll(memberIds.Select(id => db.HashGetAllAsync(StoreKeys.MemberAddresses(id))));
        var result = new Dictionary<string, ConversationReference>(StringComparer.Ordinal);
        foreach (var (id, entries) in memberIds.Zip(all))
        {
            var fields = entries.ToDictionary(e => e.Name.ToString(), e => e.Value, StringComparer.Ordinal);
            if (fields.TryGetValue(StoreKeys.LastChannelField, out var last) && fields.TryGetValue(last.ToString(), out var json)
                && StoreJson.Read<ConversationReference>(json) is { } reference)
            {
                result[id] = reference;
            }
        }

        return result;
    }

    /// <summary>Every stored reference of a member, by channel id.</summary>
    public async Task<IReadOnlyDictionary<string, ConversationReference>> GetAllAsync(string memberId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await Db.HashGetAllAsync(StoreKeys.MemberAddresses(memberId));
        return entries.Where(e => e.Name != StoreKeys.LastChannelField)
            .Select(e => (Channel: e.Name.ToString(), Reference: StoreJson.Read<ConversationReference>(e.Value)))
            .Where(p => p.Reference is not null)
            .ToDictionary(p => p.Channel, p => p.Reference!, StringComparer.Ordinal);
    }
}
