namespace PartyAffairs.Channels.Delivery;

/// <summary>The outcome of a broadcast or reminder round, per member; the application words the summary a secretary sees.</summary>
public sealed record BroadcastReport(IReadOnlyList<MemberDelivery> Members)
{
    /// <summary>Members addressed.</summary>
    public int Total => Members.Count;

    /// <summary>Members the platform accepted the message for.</summary>
    public int Delivered => Members.Count(m => m.Delivered);

    /// <summary>Members it did not reach.</summary>
    public int Failed => Total - Delivered;
}
