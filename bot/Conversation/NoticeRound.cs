using PartyAffairs.Bot.State;
using PartyAffairs.Channels.Delivery;

namespace PartyAffairs.Bot.Conversation;

/// <summary>Whom a notice, nudge or leave note will reach: members with a stored address, those without, and the branch's group robots.</summary>
internal sealed record NoticeRound
{
    /// <summary>The branch whose members (and group robots) the round reaches.</summary>
    public string BranchId { get; init; } = string.Empty;

    /// <summary>Members with a stored conversation (the channel they used last).</summary>
    public required IReadOnlyList<BroadcastRecipient> Reachable { get; init; }

    /// <summary>Members who never bound an account or never wrote to the bot.</summary>
    public required IReadOnlyList<Member> Unreachable { get; init; }

    /// <summary>Names of all recipients by member id, for the report.</summary>
    public required IReadOnlyDictionary<string, string> Names { get; init; }

    /// <summary>Group robots that also post the notice (empty for nudges and leave notes).</summary>
    public IReadOnlyList<IGroupNoticeSender> Groups { get; init; } = [];

    /// <summary>Members addressed.</summary>
    public int Total => Reachable.Count + Unreachable.Count;
}
