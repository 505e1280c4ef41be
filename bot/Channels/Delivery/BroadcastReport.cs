namespace PartyAffairs.Bot.Channels.Delivery;

/// <summary>The outcome of a broadcast or reminder round, per member, with the summary the secretary sees.</summary>
public sealed record BroadcastReport(IReadOnlyList<MemberDelivery> Members)
{
    /// <summary>Members addressed.</summary>
    public int Total => Members.Count;

    /// <summary>Members the platform accepted the message for.</summary>
    public int Delivered => Members.Count(m => m.Delivered);

    /// <summary>Members it did not reach.</summary>
    public int Failed => Total - Delivered;

    /// <summary>For example 已送达 21/23，2 人发送失败.</summary>
    public string Summary => ChannelReplies.DeliverySummary(Delivered, Total, Failed);
}
