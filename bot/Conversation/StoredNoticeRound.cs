using System.Text.Json.Serialization;
using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Bot.Conversation;

/// <summary>Everything a round needs to run, or to be resumed by another process: written before the turn answers.</summary>
internal sealed record StoredNoticeRound
{
    public required string Id { get; init; }

    public required string BranchId { get; init; }

    /// <summary>The message members receive.</summary>
    public required string Text { get; init; }

    /// <summary>What the branch's group robots post (null: no group post).</summary>
    public GroupNotice? Group { get; init; }

    /// <summary>Members with a stored conversation.</summary>
    public required IReadOnlyList<StoredRecipient> Recipients { get; init; }

    /// <summary>Names of members who cannot be reached.</summary>
    public required IReadOnlyList<string> Unreachable { get; init; }

    /// <summary>Where the report goes (null: no report).</summary>
    public ConversationReference? ReportTo { get; init; }

    public NoticeReportKind Report { get; init; }

    /// <summary>The duty a nudge is about (its report names it).</summary>
    public string? DutyTitle { get; init; }

    /// <summary>The notice to log for the branch when finished (its delivered count is filled in then).</summary>
    public SentNotice? Record { get; init; }

    /// <summary>The ledger's number for the notice (its 收到 button names it); null for nudges and leave notes.</summary>
    public long? NoticeNumber { get; init; }

    /// <summary>Members addressed.</summary>
    [JsonIgnore]
    public int Total => Recipients.Count + Unreachable.Count;
}
