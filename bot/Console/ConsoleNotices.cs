using PartyAffairs.Bot.Conversation;
using PartyAffairs.Bot.State;
using PartyAffairs.Ledger.Notices;

namespace PartyAffairs.Bot.WebConsole;

/// <summary>
/// Notices sent from the console through the chat's notice rounds (<see cref="NoticeRounds"/>: the same delivery, group
/// posts, retries and record as 通知 … 确认 in chat), and the branch's notices of the year as the ledger keeps them
/// (<see cref="NoticeService"/>, whichever path sent them): 送达/未绑定/失败, 已确认 k/n and who has not acknowledged.
/// </summary>
internal sealed class ConsoleNotices(RosterStore roster, NoticeRounds rounds, NoticeService notices, BranchClock clock)
{
    /// <summary>Longest notice, as a chat message (the chat refuses longer texts).</summary>
    public const int MaxLength = 2000;

    /// <summary>The members a notice from <paramref name="session"/> goes to (everyone but the sender).</summary>
    public async Task<IReadOnlyList<Member>> RecipientsAsync(string branchId, ConsoleSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return (await roster.ListMembersAsync(branchId, cancellationToken)).Where(m => m.Id != session.MemberId).ToArray();
    }

    /// <summary>Saves (and records) a round and starts it; returns its id.</summary>
    public async Task<string> SendAsync(string branchId, ConsoleSession session, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var recipients = await RecipientsAsync(branchId, session, cancellationToken);
        var branchName = (await roster.GetBranchAsync(branchId, cancellationToken))?.Name ?? branchId;
        var (_, saved) = await rounds.SaveNoticeAsync(
            branchId, branchName, "console-" + Guid.NewGuid().ToString("N"), session.MemberId ?? "office", session.DisplayName, text, recipients,
            reportTo: null, cancellationToken);
        rounds.Start(saved);
        return saved.Id;
    }

    /// <summary>The branch's notices of this year in its time zone (newest first), from the ledger, with the zone to show their times in.</summary>
    public async Task<(IReadOnlyList<NoticeSummary> Notices, TimeZoneInfo Zone)> ListAsync(string branchId, CancellationToken cancellationToken)
    {
        var zone = await clock.ZoneAsync(branchId, cancellationToken);
        var year = clock.Today(zone).Year;
        return (await notices.ListAsync(branchId, year, zone, cancellationToken), zone);
    }
}
