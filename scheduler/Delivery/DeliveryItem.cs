namespace PartyAffairs.Scheduler.Delivery;

/// <summary>One queued reminder: the occurrence it belongs to, the member and their channel (stored as one short string).</summary>
public readonly record struct DeliveryItem(string OccurrenceId, string MemberId, string ChannelId)
{
    /// <summary>The queue value.</summary>
    public override string ToString() => $"{OccurrenceId}\n{MemberId}\n{ChannelId}";

    /// <summary>Reads a queue value; null when malformed.</summary>
    public static DeliveryItem? Parse(string? value)
    {
        var parts = value?.Split('\n');
        return parts is { Length: 3 } ? new DeliveryItem(parts[0], parts[1], parts[2]) : null;
    }
}
