namespace PartyAffairs.Bot.Conversation;

/// <summary>A branch's conversation settings (kept apart from its reminder settings).</summary>
public sealed record BranchConversationSettings
{
    /// <summary>The roles who may see 完成情况 by default: 书记, 副书记, 组织委员.</summary>
    public static IReadOnlyList<string> DefaultStatusViewers { get; } = ["党支部书记", "副书记", "组织委员"];

    /// <summary>Roster roles who may view 完成情况 (the branch's progress and who is still open).</summary>
    public IReadOnlyList<string> StatusViewers { get; init; } = DefaultStatusViewers;
}
