using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// The member's own progress (“我还差几次”, “我党课完成了吗”, “我交到几月了”): each duty of the period (or the one named) with
/// what is done and, for duties required several times, how many are still missing; dues: the latest month paid.
/// Study hours (我的学时) are the ledger's.
/// </summary>
internal sealed class MyProgressCommand(DutyTracker duties, DutyLines lines) : IChatCommand
{
    /// <summary>How many months back “我交到几月了” looks.</summary>
    private const int DuesMonthsBack = 12;

    public string Name => "my-progress";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.MyProgress && !input.Intent.Entities.Duties.Contains("学时");

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        var named = context.Input.Intent.Entities.Duties;
        var today = context.Input.Context.Today;
        var statuses = await duties.ForMemberAsync(member, today, cancellationToken);
        if (named.Count == 1 && named[0] == DutyKinds.MembershipDues && duties.Find(DutyKinds.MembershipDues) is { } dues && duties.AppliesTo(dues, member.Role))
        {
            var months = Enumerable.Range(0, DuesMonthsBack).Select(i => DutyPeriod.Containing(PeriodUnit.Month, today.AddMonths(-i))).ToArray();
            var records = await Task.WhenAll(months.Select(m => duties.GetAsync(member, dues, m, cancellationToken)));
            var latest = months.Zip(records).FirstOrDefault(p => p.Second?.Status == CompletionStatus.Done).First;
            var line = statuses.FirstOrDefault(s => s.Duty.Kind == dues.Kind) is { } status ? "\n" + lines.Line(status, today) : string.Empty;
            await context.SendAsync(Replies.DuesPaidThrough(latest == default ? null : latest.Key) + line, cancellationToken, Replies.ActionMyDuties);
            return;
        }

        var shown = named.Count > 0 ? statuses.Where(s => named.Contains(s.Duty.Kind)).ToArray() : statuses.ToArray();
        if (shown.Length == 0)
        {
            await context.SendAsync(named.Count > 0 ? Replies.NotApplicable : Replies.NoDuties, cancellationToken, Replies.ActionMyDuties);
            return;
        }

        var text = shown.Select(s => s.Duty.Count > 1 && s.Record is null
            ? Replies.ProgressCount(s.Duty.Title, s.Period.Key, s.Count, s.Duty.Count)
            : lines.Line(s, today));
        var open = shown.Count(s => s.Record is null);
        await context.SendAsync(Replies.ProgressHeader(member.Name) + "\n" + string.Join('\n', text) + "\n" + Replies.ProgressOpenCount(open),
            cancellationToken, Replies.ActionMyDuties);
    }
}
