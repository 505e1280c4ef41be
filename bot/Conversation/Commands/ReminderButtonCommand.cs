using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// A reminder's buttons, “已完成 主题党日 2026-11” / “请假 主题党日 2026-11” (also sent by the clarification buttons): records
/// the named duties for the named period (not the current one), for the branch when a secretary confirms a branch duty;
/// leave tells the secretaries once per occurrence. Asks <see cref="CompletionAuthorization"/> first, like typed
/// confirmations: a member cannot complete a branch duty, nor record a period outside the window.
/// </summary>
internal sealed class ReminderButtonCommand(ReminderResponseService responses, DutyTracker duties, CompletionAuthorization authorization, LeaveNotices leaveNotices) : IChatCommand
{
    public string Name => "reminder-button";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Button;

    public bool Matches(TurnInput input) => input.Intent.Entities.FromButton;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        var intent = context.Input.Intent;
        var status = intent.Kind == IntentKind.Leave ? CompletionStatus.Leave : CompletionStatus.Done;
        var named = intent.Entities.Duties.Select(duties.Find).OfType<TrackedDuty>().ToArray();
        if (named.Length == 0 || intent.Entities.Period is not { } period)
        {
            await context.SendAsync(Replies.UnknownDuty, cancellationToken, Replies.ActionMyDuties);
            return;
        }

        foreach (var duty in named)
        {
            if (authorization.Check(member, duty, period, status, context.Input.Context.Today) is { } refusal)
            {
                await context.SendAsync(refusal, cancellationToken, Replies.ActionMyDuties);
                return;
            }
        }

        if (status == CompletionStatus.Leave)
        {
            var first = await Task.WhenAll(named.Select(d => leaveNotices.FirstAsync(member.BranchId, member.Id, d.Kind, period.Key, cancellationToken)));
            if (!first.Any(f => f))
            {
                // The secretaries were told of this occurrence already: record it again quietly (after 撤销), tell no one.
                var recorded = await Task.WhenAll(named.Select(d => duties.RecordAsync(member, d, CompletionStatus.Leave, period, context.Activity.Id, cancellationToken)));
                var title = ReminderTexts.Titles(named.Select(d => d.Title));
                await context.SendAsync(recorded.Any(r => r) ? Replies.LeaveRecorded(title, period.Key) : Replies.AlreadyRecorded(title, period.Key, leave: true), cancellationToken, Replies.ActionMyDuties);
                return;
            }
        }

        var reply = await responses.HandleAsync(member.BranchId, member.Id, context.Input.Text, context.Activity.Id, cancellationToken);
        await (reply is null
            ? context.SendAsync(Replies.UnknownDuty, cancellationToken, Replies.ActionMyDuties)
            : context.SendAsync(reply, cancellationToken, Replies.ActionMyDuties));
    }
}
