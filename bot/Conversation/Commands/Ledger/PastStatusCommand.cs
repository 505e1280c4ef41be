using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Completion;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>
/// “完成情况 党费 上个月”, “完成情况 党员大会 2026-Q3”: the branch's standing for any period that is named, read from the
/// ledger (<see cref="CompletionHistory"/>; nothing expires). Each duty's periods that overlap the one named are shown:
/// counts without ranking, names only of those still open. Without a period 完成情况 is the current one (StatusCommand).
/// </summary>
internal sealed class PastStatusCommand(BranchScopes scopes, CompletionHistory history, DutyTracker duties) : IChatCommand
{
    public string Name => "ledger-past-status";

    public RequiredRole RequiredRole => RequiredRole.Secretary;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input)
    {
        var intent = input.Intent;
        return intent.Kind == IntentKind.Status && intent.Entities.Period is not null;
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        if (await scopes.GetAsync(member.BranchId, cancellationToken) is not { } scope)
        {
            await context.SendAsync(Replies.NotBound, cancellationToken);
            return;
        }

        var entities = context.Input.Intent.Entities;
        if (entities.Period is not { } asked)
        {
            await context.SendAsync(LedgerReplies.HistoryNothing, cancellationToken);
            return;
        }

        string? kind = null;
        if (entities.Duties.Count > 0)
        {
            if (duties.Find(entities.Duties[0]) is not { } duty)
            {
                await context.SendAsync(LedgerReplies.HistoryUnknownDuty, cancellationToken, Replies.ActionStatus);
                return;
            }

            kind = duty.Kind;
        }

        var statuses = new List<DutyPeriodStatus>();
        for (var year = asked.Start.Year; year <= asked.End.Year; year++)
        {
            statuses.AddRange(await history.YearAsync(member.BranchId, year, cancellationToken) ?? []);
        }

        var lines = statuses
            .Where(s => (kind is null || s.DutyKind == kind) && DutyPeriod.TryParse(s.PeriodKey, out var p) && p.Start < asked.EndExclusive && asked.Start < p.EndExclusive)
            .GroupBy(s => (s.DutyKind, s.PeriodKey))
            .Select(Line)
            .ToArray();
        await context.SendAsync(
            lines.Length == 0 ? LedgerReplies.HistoryNothing : LedgerReplies.HistoryHeader(asked.Key) + "\n" + string.Join('\n', lines),
            cancellationToken,
            Replies.ActionStatus);
    }

    private static string Line(IGrouping<(string DutyKind, string PeriodKey), DutyPeriodStatus> group)
    {
        var all = group.ToArray();
        if (all is [{ SubjectId: CompletionRecord.BranchSubject } branch])
        {
            return LedgerReplies.HistoryBranch(branch.DutyTitle, branch.PeriodKey, branch.State == PeriodState.Done, branch.Count, branch.Required);
        }

        return LedgerReplies.HistoryMember(all[0].DutyTitle, group.Key.PeriodKey, all.Count(s => s.State == PeriodState.Done), all.Length,
            all.Count(s => s.State == PeriodState.Leave), all.Where(s => s.State == PeriodState.Missing).Select(s => s.Name).ToArray());
    }
}
