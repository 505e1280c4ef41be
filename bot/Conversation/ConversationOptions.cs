namespace PartyAffairs.Bot.Conversation;

/// <summary>Options of the conversation (section <c>Conversation</c>): which periods members may still confirm, and ahead of which they may take leave.</summary>
public sealed class ConversationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Conversation";

    /// <summary>
    /// How many periods back a completion or leave may be recorded, besides the current one (default 1: the current
    /// period and the previous one). A future period is never accepted for a completion.
    /// </summary>
    public int CompletionWindow { get; set; } = 1;

    /// <summary>How many periods ahead leave may be taken (default 1: the next occurrence, e.g. next month's themed day).</summary>
    public int LeaveAhead { get; set; } = 1;

    /// <summary>How long a branch's time zone is cached for reading relative dates (昨天, 12月3日) in chat.</summary>
    public TimeSpan BranchZoneCacheFor { get; set; } = TimeSpan.FromMinutes(1);
}
