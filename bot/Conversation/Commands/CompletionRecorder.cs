using PartyAffairs.Bot.State;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// Records a member's “已完成 …” or “请假 …” in words: finds the duty, checks it is the member's, records the current
/// period (or counts one occurrence of a duty required several times), answers with what is still open, and tells the
/// secretaries of leave as it happens. Shared by <see cref="CompleteCommand"/> and <see cref="LeaveCommand"/>.
/// </summary>
internal sealed class CompletionRecorder(
    RosterStore roster,
    MemberActivityStore memberActivity,
    DutyTracker duties,
    DutyLines lines,
    NoticeRounds rounds,
    KnowledgeAnswers answers)
{
    /// <summary>Records <paramref name="phrase"/>'s duty with <paramref name="status"/> for the sender.</summary>
    public async Task RecordAsync(CommandContext context, string phrase, CompletionStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var member = context.BoundMember;
        var duty = duties.Find(phrase);
        if (duty is null)
        {
            if (CommandParser.LooksLikeQuestion(context.Input.Text))
            {
                await answers.AnswerAsync(context, context.Input.Text, cancellationToken);
                return;
            }

            await context.SendAsync(Replies.UnknownDuty, cancellationToken, Replies.ActionMyDuties);
            return;
        }

        if (!duties.AppliesTo(duty, member.Role)
            || (duty.Audience == DutyAudience.Branch && !MemberRoles.IsSecretary(member.Role) && duty.Roles.Count == 0))
        {
            await context.SendAsync(Replies.NotApplicable, cancellationToken, Replies.ActionMyDuties);
            return;
        }

        var period = duties.CurrentPeriod(duty);
        if (status == CompletionStatus.Done && duty.Count > 1)
        {
            await CountOccurrenceAsync(context, member, duty, period.Key, cancellationToken);
            return;
        }

        if (!await duties.RecordAsync(member, duty, status, context.Activity.Id, cancellationToken))
        {
            var existing = await duties.GetAsync(member, duty, cancellationToken);
            await context.SendAsync(Replies.AlreadyRecorded(duty.Title, period.Key, existing?.Status == CompletionStatus.Leave), cancellationToken, Replies.ActionMyDuties);
            return;
        }

        var last = new LastConfirmation(member.BranchId, DutyTracker.SubjectFor(duty, member), duty.Kind, period.Key, status);
        var remember = memberActivity.SetLastAsync(member.Id, last, cancellationToken);
        var remaining = await duties.ForMemberAsync(member, cancellationToken);
        await remember;
        var head = status == CompletionStatus.Leave ? Replies.LeaveRecorded(duty.Title, period.Key) : Replies.Recorded(duty.Title, period.Key);
        await context.SendAsync(head + "\n" + Replies.Remaining(lines.Open(remaining)), cancellationToken, Replies.ActionUndo, Replies.ActionMyDuties);
        if (status == CompletionStatus.Leave)
        {
            // The secretary is told of leave as it happens, not only in 完成情况.
            var secretaries = (await roster.ListMembersAsync(member.BranchId, cancellationToken)).Where(m => m.Id != member.Id && MemberRoles.IsSecretary(m.Role)).ToArray();
            var round = await rounds.PrepareAsync(member.BranchId, secretaries, withGroups: false, cancellationToken);
            var saved = await rounds.SaveAsync(round, Replies.SecretaryLeaveNotice(member.Name, duty.Title, period.Key), group: null, reportTo: null, NoticeReportKind.None, dutyTitle: null, record: null, cancellationToken);
            rounds.Start(saved);
        }
    }

    private async Task CountOccurrenceAsync(CommandContext context, Member member, TrackedDuty duty, string periodKey, CancellationToken cancellationToken)
    {
        var outcome = await duties.AddOccurrenceAsync(member, duty, context.Activity.Id, cancellationToken);
        if (!outcome.Added)
        {
            await context.SendAsync(Replies.OccurrenceAlreadyToday(duty.Title, periodKey, outcome.Count, outcome.Required), cancellationToken, Replies.ActionMyDuties);
            return;
        }

        var last = new LastConfirmation(member.BranchId, DutyTracker.SubjectFor(duty, member), duty.Kind, periodKey, CompletionStatus.Done, duties.OccurrenceKey);
        var remember = memberActivity.SetLastAsync(member.Id, last, cancellationToken);
        var remaining = await duties.ForMemberAsync(member, cancellationToken);
        await remember;
        await context.SendAsync(
            Replies.OccurrenceRecorded(duty.Title, periodKey, outcome.Count, outcome.Required) + "\n" + Replies.Remaining(lines.Open(remaining)),
            cancellationToken,
            Replies.ActionUndo,
            Replies.ActionMyDuties);
    }
}
