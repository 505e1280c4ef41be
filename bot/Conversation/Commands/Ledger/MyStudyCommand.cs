using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Study;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>“我的学时”, “我学了多少学时了”: 已完成 12/32 学时（依据…）, the remaining hours and the latest sources.</summary>
internal sealed class MyStudyCommand(BranchScopes scopes, StudyService study) : IChatCommand
{
    private const int SourcesShown = 8;

    public string Name => "ledger-my-study";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input)
    {
        var intent = input.Intent;
        return intent.Kind == IntentKind.MyProgress && intent.Entities.Duties.Contains(StudyCommand.StudyKind)
            && !intent.Entities.Duties.Contains(DuesPaymentCommand.DuesKind);
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        var scope = await scopes.GetAsync(member.BranchId, cancellationToken);
        if (scope is null || await study.SummaryAsync(member.BranchId, member.Id, scope.Today.Year, cancellationToken) is not { } summary)
        {
            await context.SendAsync(Replies.NotBound, cancellationToken);
            return;
        }

        var latest = summary.Sources.OrderByDescending(s => s.Date).Take(SourcesShown)
            .Select(s => LedgerReplies.StudySource(s.Date, s.Kind, s.Topic, s.Hours)).ToArray();
        await context.SendAsync(
            LedgerReplies.MyStudy(summary.Year, summary.Hours, summary.Quota.Hours, summary.Quota.Citation, summary.Remaining, latest, summary.Sources.Count - latest.Length),
            cancellationToken,
            Replies.ActionMyDuties);
    }
}
