using System.Globalization;
using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.State;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// Records a member's completion or leave in their own words (“我交了党费”, “昨天开完了支委会”, “12月3日参加了党员大会”,
/// “这个月主题党日我出差，请个假”): finds the duties, the period each falls in (the named date's or period's, else the
/// current one), asks <see cref="CompletionAuthorization"/> (the one authorization point), records, answers with what is
/// still open, and tells the secretaries of leave — with its reason — once per occurrence. Shared by
/// <see cref="CompleteCommand"/> and <see cref="LeaveCommand"/>.
/// </summary>
internal sealed class CompletionRecorder(
    RosterStore roster,
    MemberActivityStore memberActivity,
    DutyTracker duties,
    DutyLines lines,
    NoticeRounds rounds,
    KnowledgeAnswers answers,
    CompletionAuthorization authorization,
    LeaveNotices leaveNotices,
    BranchSettingsService? branchSettings = null,
    BranchDutyCatalogs? branchCatalogs = null)
{
    private const string StudyHours = "学时";

    /// <summary>Records the duties of the turn's intent with <paramref name="status"/> for the sender.</summary>
    public async Task RecordAsync(CommandContext context, CompletionStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var member = context.BoundMember;
        var entities = context.Input.Intent.Entities;
        var branchCatalog = branchSettings is not null && branchCatalogs is not null
            ? branchCatalogs.For((await branchSettings.GetAsync(member.BranchId, cancellationToken)).BindingDocuments)
            : null;
        var found = Duties(context.Input, branchCatalog);
        if (found.Length == 0)
        {
            if (CommandParser.LooksLikeQuestion(context.Input.Text))
            {
                await answers.AnswerAsync(context, context.Input.Text, cancellationToken);
                return;
            }

            await context.SendAsync(Replies.UnknownDuty, cancellationToken, Replies.ActionMyDuties);
            return;
        }

        var today = context.Input.Context.Today;
        var plan = found.SelectMany(d => PeriodsFor(d, entities, today).Select(p => (Duty: d, Period: p))).ToArray();
        foreach (var (duty, period) in plan)
        {
            if (authorization.Check(member, duty, period, status, today) is { } refusal)
            {
                // Nothing of the message is stored when any part of it is refused.
                await context.SendAsync(refusal, cancellationToken, Replies.ActionMyDuties);
                return;
            }
        }

        var heads = new List<string>();
        LastConfirmation? last = null;
        foreach (var (duty, period) in plan)
        {
            var (head, confirmation) = status == CompletionStatus.Done && duty.Count > 1
                ? await CountOccurrenceAsync(context, member, duty, period, entities.Date ?? today, cancellationToken)
                : await RecordOneAsync(context, member, duty, period, status, entities.Reason, cancellationToken);
            heads.Add(head);
            last = confirmation ?? last;
        }

        if (last is null || context.Input.Intent.Entities.FromButton)
        {
            // A button's answer is the recorded line only (the reminder it belongs to says what it was about).
            if (last is not null)
            {
                await memberActivity.SetLastAsync(member.Id, last, cancellationToken);
            }

            await (last is null
                ? context.SendAsync(string.Join('\n', heads), cancellationToken, Replies.ActionMyDuties)
                : context.SendAsync(string.Join('\n', heads), cancellationToken, Replies.ActionUndo, Replies.ActionMyDuties));
            return;
        }

        var remember = memberActivity.SetLastAsync(member.Id, last, cancellationToken);
        var remaining = await duties.ForMemberAsync(member, today, cancellationToken);
        await remember;
        await context.SendAsync(string.Join('\n', heads) + "\n" + Replies.Remaining(lines.Open(remaining, today)), cancellationToken, Replies.ActionUndo, Replies.ActionMyDuties);
    }

    /// <summary>The tracked duties the input names: the intent's duty kinds, else the parser's phrase.</summary>
    private TrackedDuty[] Duties(TurnInput input, ITrackedDutyCatalog? branchCatalog)
    {
        // 学时 is what the intent layer makes of any 学习; a duty the catalog names (廉政专题学习) comes first.
        var named = input.Intent.Entities.Duties.Where(k => k != StudyHours).Select(k => duties.Find(k, branchCatalog)).OfType<TrackedDuty>().DistinctBy(d => d.Kind).ToArray();
        if (named.Length > 0)
        {
            return named;
        }

        if (input.Command.Kind is CommandKind.Complete or CommandKind.Leave && duties.Find(input.Command.Argument, branchCatalog) is { } duty)
        {
            return [duty];
        }

        return input.Intent.Entities.Duties.Contains(StudyHours) && duties.Find(StudyHours, branchCatalog) is { } study ? [study] : [];
    }

    /// <summary>The periods a message means for <paramref name="duty"/>: dues months named, a period, the period of a date, or the current one.</summary>
    private static IEnumerable<DutyPeriod> PeriodsFor(TrackedDuty duty, IntentEntities entities, DateOnly today)
    {
        var unit = DutyTracker.Unit(duty);
        if (entities.Months.Count > 0 && unit == PeriodUnit.Month)
        {
            return entities.Months.Distinct();
        }

        if (entities.Date is { } date)
        {
            return [DutyPeriod.Containing(unit, date)];
        }

        if (entities.Period is { } period)
        {
            // A period of the duty's own unit is taken as it is (a button's 2026-12 for a monthly duty); another unit names
            // the duty's period where it starts (本月 for a quarterly 党课 → this quarter).
            return [period.Unit == unit || entities.FromButton ? period : DutyPeriod.Containing(unit, period.Start)];
        }

        return [DutyPeriod.Containing(unit, today)];
    }

    private async Task<(string Head, LastConfirmation? Last)> RecordOneAsync(CommandContext context, Member member, TrackedDuty duty, DutyPeriod period,
        CompletionStatus status, string? reason, CancellationToken cancellationToken)
    {
        var leave = status == CompletionStatus.Leave;
        if (!await duties.RecordAsync(member, duty, status, period, context.Activity.Id, cancellationToken))
        {
            var existing = await duties.GetAsync(member, duty, period, cancellationToken);
            var wasLeave = existing?.Status == CompletionStatus.Leave || (existing is null && leave);
            return (Replies.AlreadyRecorded(duty.Title, period.Key, wasLeave), null);
        }

        var subject = leave ? member.Id : DutyTracker.SubjectFor(duty, member);
        var last = new LastConfirmation(member.BranchId, subject, duty.Kind, period.Key, status);
        if (!leave)
        {
            return (Replies.Recorded(duty.Title, period.Key), last);
        }

        // The secretaries are told of leave as it happens (not only in 完成情况), once per occurrence.
        if (await leaveNotices.FirstAsync(member.BranchId, member.Id, duty.Kind, period.Key, cancellationToken))
        {
            var secretaries = (await roster.ListMembersAsync(member.BranchId, cancellationToken)).Where(m => m.Id != member.Id && MemberRoles.IsSecretary(m.Role)).ToArray();
            var round = await rounds.PrepareAsync(member.BranchId, secretaries, withGroups: false, cancellationToken);
            var saved = await rounds.SaveAsync(round, Replies.SecretaryLeaveNotice(member.Name, duty.Title, period.Key, reason), group: null, reportTo: null,
                NoticeReportKind.None, dutyTitle: null, record: null, cancellationToken);
            rounds.Start(saved);
        }

        return (Replies.LeaveRecorded(duty.Title, period.Key, reason), last);
    }

    private async Task<(string Head, LastConfirmation? Last)> CountOccurrenceAsync(CommandContext context, Member member, TrackedDuty duty, DutyPeriod period, DateOnly on,
        CancellationToken cancellationToken)
    {
        var occurrence = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var outcome = await duties.AddOccurrenceAsync(member, duty, period, occurrence, context.Activity.Id, cancellationToken);
        if (!outcome.Added)
        {
            return (Replies.OccurrenceAlreadyToday(duty.Title, period.Key, outcome.Count, outcome.Required), null);
        }

        var last = new LastConfirmation(member.BranchId, DutyTracker.SubjectFor(duty, member), duty.Kind, period.Key, CompletionStatus.Done, occurrence);
        return (Replies.OccurrenceRecorded(duty.Title, period.Key, outcome.Count, outcome.Required), last);
    }
}
