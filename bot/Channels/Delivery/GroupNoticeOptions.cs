namespace PartyAffairs.Bot.Channels.Delivery;

/// <summary>
/// Which branch's group each platform's group robot posts into (section <c>Channels:GroupNotices</c>): a secretary's
/// notice is also posted by the robots whose group belongs to the secretary's branch.
/// </summary>
public sealed class GroupNoticeOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Channels:GroupNotices";

    /// <summary>Channel id (<c>dingtalk</c>, <c>wecom</c>) → the branch id whose group the robot is in.</summary>
    public Dictionary<string, string> Branches { get; } = new(StringComparer.OrdinalIgnoreCase);
}
