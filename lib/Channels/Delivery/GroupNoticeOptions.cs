namespace PartyAffairs.Channels.Delivery;

/// <summary>
/// Which branch's group each platform's group robot posts into (section <c>Channels:GroupNotices</c>): a secretary's
/// notice is also posted by the robots whose group belongs to the secretary's branch.
/// </summary>
public sealed class GroupNoticeOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Channels:GroupNotices";

    private readonly SortedSet<string> _robotChannels = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Channel id (for example <c>dingtalk</c>, <c>wecom</c>) → the branch id whose group the robot is in.</summary>
    public Dictionary<string, string> Branches { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The channels that have a group robot, and so may appear in <see cref="Branches"/> (set by the platform adapters).</summary>
    internal IReadOnlyCollection<string> RobotChannels => _robotChannels;

    /// <summary>Declares that <paramref name="channelId"/> has a group robot (called by a platform adapter's registration).</summary>
    public void AddRobotChannel(string channelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        _robotChannels.Add(channelId);
    }
}
