using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.State;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“催办 事项”: reminds the members who have neither confirmed nor taken leave, then reports the delivery.</summary>
internal sealed class NudgeCommand(RosterStore roster, DutyTracker duties, BranchProgress progress, NoticeRounds rounds) : IChatCommand
{
    public string Name => "nudge";

    public RequiredRole RequiredRole => RequiredRole.Secretary;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.Nudge;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        // The words after the command first (a duty the catalog names, 集中学习), then the duties the intent layer read.
        var argument = context.Input.Command.Kind == CommandKind.Nudge ? context.Input.Command.Argument : string.Empty;
        var named = context.Input.Intent.Entities.Duties;
        var dutyPhrase = argument.Length > 0 && duties.Find(argument) is not null ? argument : named.Count > 0 ? named[0] : argument;
        if (dutyPhrase.Length == 0)
        {
            await context.SendAsync(Replies.NudgeUsage, cancellationToken);
            return;
        }

        var duty = duties.Find(dutyPhrase);
        if (duty is null || duty.Audience == DutyAudience.Branch)
        {
            await context.SendAsync(Replies.UnknownDuty, cancellationToken, Replies.ActionStatus);
            return;
        }

        var members = await roster.ListMembersAsync(member.BranchId, cancellationToken);
        var open = await progress.OfAsync(member.BranchId, duty, members, context.Input.Context.Today, cancellationToken);
        // The sender is never nudged himself, even when his own confirmation is still open.
        var others = open.Open.Where(m => m.Id != member.Id).ToArray();
        if (others.Length == 0)
        {
            await context.SendAsync(Replies.NudgeNobody(duty.Title, open.PeriodKey), cancellationToken);
            return;
        }

        var message = Replies.NudgeMessage(duty.Title, open.Due, Replies.ConfirmPhrase(duty.Kind));
        var round = await rounds.PrepareAsync(member.BranchId, others, withGroups: false, cancellationToken);
        var saved = await rounds.SaveAsync(round, message, group: null, context.Activity.GetConversationReference(), NoticeReportKind.Nudge, duty.Title, record: null, cancellationToken);
        await context.SendAsync(Replies.NudgeSending(duty.Title, round.Total), cancellationToken);
        rounds.Start(saved);
    }
}
