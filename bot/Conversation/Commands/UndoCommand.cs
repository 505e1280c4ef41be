using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.State;
using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“撤销”: removes the member's last confirmation or leave, once.</summary>
internal sealed class UndoCommand(MemberActivityStore memberActivity, DutyTracker duties) : IChatCommand
{
    public string Name => "undo";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.Undo;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var last = await memberActivity.TakeLastAsync(context.BoundMember.Id, cancellationToken);
        if (last is null || !await duties.RemoveAsync(last, cancellationToken))
        {
            await context.SendAsync(Replies.UndoNothing, cancellationToken, Replies.ActionMyDuties);
            return;
        }

        var title = duties.All.FirstOrDefault(d => d.Kind == last.DutyKind)?.Title ?? last.DutyKind;
        await context.SendAsync(Replies.Undone(title, last.PeriodKey, last.Status == CompletionStatus.Leave), cancellationToken, Replies.ActionMyDuties);
    }
}
