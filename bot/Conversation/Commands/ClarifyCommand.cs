using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// A message that looks like a completion or leave whose duty is unclear (“交了”, “今天的会我参加了”, “我请个假”): asks back
/// with buttons (“您是想确认已参加党小组会吗？” [是，已参加党小组会] [不是]) instead of answering from the knowledge base. A
/// button sends the reminder syntax for the period the message meant (“已完成 党小组会 2026-11”), so it goes through the
/// same authorization as every confirmation, while the member's bubble reads the button's title.
/// </summary>
internal sealed class ClarifyCommand(DutyTracker duties, CompletionRecorder recorder) : IChatCommand
{
    private const int MaxOptions = 3;

    public string Name => "clarify";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.Clarify;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        var intent = context.Input.Intent;
        if (context.Input.Command is { Kind: CommandKind.Complete or CommandKind.Leave, Argument.Length: > 0 } parsed)
        {
            // “完成 廉政专题学习”: a duty the branch tracks under a name the intent lexicon does not list (or none at all):
            // the recorder finds it in the catalog, or says it is unknown.
            return recorder.RecordAsync(context, parsed.Kind == CommandKind.Leave ? CompletionStatus.Leave : CompletionStatus.Done, cancellationToken);
        }

        var today = context.Input.Context.Today;
        var options = intent.Candidates
            .Select(c => (Candidate: c, Duty: duties.Find(c.Duty)))
            .Where(o => o.Duty is not null && duties.AppliesTo(o.Duty, member.Role))
            .Where(o => o.Candidate.Kind == IntentKind.Leave || o.Duty!.Audience != DutyAudience.Branch || CompletionAuthorization.MayCompleteForBranch(o.Duty, member.Role))
            .Take(MaxOptions)
            .ToArray();
        var leaving = intent.Candidates.Count > 0 ? intent.Candidates[0].Kind == IntentKind.Leave : intent.Entities.Reason is not null;
        if (options.Length == 0)
        {
            return context.SendAsync(leaving ? Replies.ClarifyLeaveOpen : Replies.ClarifyOpen, cancellationToken, Replies.ActionMyDuties);
        }

        ReplyButton Button(IntentCandidate candidate, TrackedDuty duty, bool only)
        {
            var leave = candidate.Kind == IntentKind.Leave;
            var unit = DutyTracker.Unit(duty);
            var period = intent.Entities.Date is { } date ? DutyPeriod.Containing(unit, date)
                : intent.Entities.Period is { } p ? DutyPeriod.Containing(unit, p.Start)
                : DutyPeriod.Containing(unit, today);
            var sends = $"{(leave ? ReminderTexts.LeaveButton : ReminderTexts.DoneButton)} {duty.Kind} {period.Key}";
            return new ReplyButton(only ? Replies.ClarifyYes(duty.Title, leave) : Replies.ClarifyOption(duty.Title, leave), sends);
        }

        var single = options.Length == 1;
        var buttons = options.Select(o => Button(o.Candidate, o.Duty!, single)).Append(new ReplyButton(Replies.ActionNo, Replies.ActionMyDuties)).ToArray();
        var question = single ? Replies.ClarifyOne(options[0].Duty!.Title, options[0].Candidate.Kind == IntentKind.Leave)
            : leaving ? Replies.ClarifyWhichLeave : Replies.ClarifyWhich;
        return context.SendButtonsAsync(question, buttons, cancellationToken);
    }
}
