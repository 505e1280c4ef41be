using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.Channels.Inbound;

/// <summary>
/// A platform message that was acknowledged and waits in the Redis inbox for its turn. It carries everything the
/// turn needs (the parsed callback as JSON), so any instance can run it, also after the one that accepted it died.
/// </summary>
public sealed record InboundTurn
{
    /// <summary>The channel (<c>dingtalk</c>, <c>wecom</c>); picks the <see cref="IInboundTurnProcessor"/>.</summary>
    [JsonPropertyName("c")]
    public required string ChannelId { get; init; }

    /// <summary>The platform message id (the de-duplication key).</summary>
    [JsonPropertyName("m")]
    public required string MessageId { get; init; }

    /// <summary>The sender; one sender's turns share a partition and run in order.</summary>
    [JsonPropertyName("s")]
    public required string SenderId { get; init; }

    /// <summary>True for a message the bot cannot read: it gets the text-only note instead of a turn.</summary>
    [JsonPropertyName("t")]
    public bool TextOnly { get; init; }

    /// <summary>The parsed callback, as the channel's processor wrote it.</summary>
    [JsonPropertyName("p")]
    public required JsonElement Payload { get; init; }

    /// <summary>When the callback was acknowledged.</summary>
    [JsonPropertyName("a")]
    public DateTimeOffset AcceptedAt { get; init; }

    /// <summary>The partition of a sender: a hash that is the same in every process (string hash codes are not).</summary>
    public static int PartitionOf(string channelId, string senderId, int partitions)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(senderId);
        var hash = 2166136261u;
        foreach (var c in channelId + ":" + senderId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)partitions);
    }

    /// <summary>The stored form.</summary>
    public string Serialize() => JsonSerializer.Serialize(this);

    /// <summary>Reads a stored item; null when it is not one (never thrown: a bad item must not stop a worker).</summary>
    public static InboundTurn? TryParse(string value)
    {
        try
        {
            return JsonSerializer.Deserialize<InboundTurn>(value);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
