namespace PartyAffairs.Bot.Conversation;

/// <summary>How a round went: delivered of total, who failed, who could not be reached, and each group robot's post.</summary>
internal sealed record NoticeReport(
    int Delivered,
    int Total,
    IReadOnlyList<string> Failed,
    IReadOnlyList<string> Unreachable,
    IReadOnlyList<GroupPost> Groups);
