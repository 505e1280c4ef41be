using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Planning.Kinds;

namespace PartyAffairs.Bot.Reminders;

/// <summary>
/// The words of reminders: each typed <see cref="ReminderKind"/> of the scheduler, with its facts and the branch's progress,
/// becomes a message (text and the 已完成 / 请假 buttons) from <see cref="ReminderTexts"/>; also the plan listing's words.
/// </summary>
internal sealed class ReminderWording : IReminderWording
{
    /// <inheritdoc />
    public ReminderMessage Message(PlannedReminder reminder, ReminderProgress? progress, IReadOnlyList<CompletionStatus> answers)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(answers);
        return new ReminderMessage
        {
            Text = Text(reminder, progress),
            Actions = answers.Count == 0 ? [] : ReminderResponses.Buttons(reminder.Kinds, reminder.PeriodKey, answers),
        };
    }

    /// <summary>
    /// The text of <paramref name="reminder"/>: with <paramref name="progress"/> as it fans out, or without (null) as it is
    /// planned, before the branch's progress is known.
    /// </summary>
    public static string Text(PlannedReminder reminder, ReminderProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var cite = ReminderTexts.Rules(reminder.Sources.Select(Cite).Distinct());
        var titles = ReminderTexts.Titles(reminder.Titles);
        var periodName = ReminderTexts.ThisPeriod(reminder.Period.Unit);
        var required = reminder.Required;
        return reminder.ReminderKind switch
        {
            ThemedDayLead lead => ReminderTexts.ThemedDayReminder(lead.Day, lead.Time, lead.Place, lead.DaysBefore, cite),
            ThemedDayOff { Holiday: { } holiday } flag => ReminderTexts.ThemedDayOnHoliday(flag.Day, holiday, flag.NearestBefore, flag.NearestAfter, flag.Suggested, flag.ProvisionalYear),
            ThemedDayOff flag => ReminderTexts.ThemedDayOnDayOff(flag.Day),
            DuesStart => ReminderTexts.DuesReminder(ReminderTexts.Month(reminder.Period.Start.Month), cite),
            DuesNudge nudge => ReminderTexts.DuesNudge(ReminderTexts.Month(reminder.Period.Start.Month), nudge.DaysLeft, cite),
            DuesArrears => string.Empty,
            ArrearsNudge arrears => ReminderTexts.ArrearsMember(arrears.Months),
            ArrearsReport report => ReminderTexts.ArrearsSecretary(report.Months, report.Names),
            DutyDue due when progress is null => ReminderTexts.DutyProgress(periodName, titles, EndName(reminder), due.DaysLeft, cite, null),
            DutyDue due when reminder.Audience == ReminderAudience.SecretariesWithMemberProgress =>
                ReminderTexts.DutyProgress(periodName, titles, EndName(reminder), due.DaysLeft, cite, progress.PendingMembers),
            DutyDue due when required > 1 => ReminderTexts.DutyCountProgress(periodName, titles, EndName(reminder), due.DaysLeft, cite, progress.Done, required),
            DutyDue due => ReminderTexts.DutyProgress(periodName, titles, EndName(reminder), due.DaysLeft, cite, null),
            DutyWindowOpen open => ReminderTexts.WindowOpen(ReminderTexts.ThisPeriod(open.Window), titles, reminder.Deadline, required, progress?.Done ?? 0, cite),
            DutyPace pace => ReminderTexts.DutyPace(periodName, titles, progress?.Done ?? 0, required, pace.Part, pace.Checkpoint, cite),
            MemberDutyOpen when reminder.Quota is { } quota => ReminderTexts.MemberQuotaReminder(periodName, titles, reminder.Deadline, quota.Amount, quota.Unit, cite),
            MemberDutyOpen => ReminderTexts.MemberDutyReminder(periodName, titles, reminder.Deadline, required, cite),
            MemberDutyNudge nudge when reminder.Quota is { } quota => ReminderTexts.MemberQuotaNudge(periodName, titles, EndName(reminder), nudge.DaysLeft, quota.Amount, quota.Unit, cite),
            ProbationReview review => ReminderTexts.ProbationReview(ReminderTexts.PeriodName(reminder.Period), review.Name, review.Extended, reminder.Deadline, cite),
            ProbationReviewDue => string.Empty,
            MemberDutyNudge nudge => ReminderTexts.MemberDutyNudge(periodName, titles, EndName(reminder), nudge.DaysLeft, required, cite),
            ProvisionalCalendarNotice notice => CalendarTexts.ProvisionalYearNotice(notice.Year, notice.YearStarted),
            LeaveNotice leave => ReminderTexts.LeaveNotice(leave.MemberName, titles, reminder.PeriodKey),
            var other => throw new NotSupportedException($"No words for the reminder kind {other.GetType().Name}."),
        };
    }

    /// <inheritdoc />
    public ReminderMessage Digest(IReadOnlyList<DigestLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var actions = new List<ReminderAction>();
        var text = new System.Text.StringBuilder(ReminderTexts.DigestHeader(lines.Count));
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append('\n').Append(ReminderTexts.DigestLine(i + 1, lines[i].Message.Text));
            actions.AddRange(lines[i].Message.Actions.Select(a => a with { Title = ReminderTexts.DigestButton(i + 1, a.Title) }));
        }

        var answerable = lines.Where(l => l.Message.Actions.Any(a => a.Title == ReminderTexts.DoneButton)).ToArray();
        if (answerable.Length > 1)
        {
            actions.Add(new ReminderAction(ReminderTexts.AllDoneButton, ReminderResponses.AllDone(answerable.Select(l => (l.Kinds, l.PeriodKey)))));
        }

        return new ReminderMessage { Text = text.ToString(), Actions = actions };
    }

    /// <summary>What the reminder is about, in the plan listing (主题党日, 交纳党费, 召开党员大会 …).</summary>
    public static string PlanTitle(PlannedReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return reminder.ReminderKind switch
        {
            ThemedDayLead or ThemedDayOff => ReminderTexts.ThemedDayTitle,
            ProbationReviewDue or ProbationReview => ReminderTexts.ProbationReviewTitle,
            ProvisionalCalendarNotice => ReminderTexts.CalendarNoticeTitle,
            _ => ReminderTexts.Titles(reminder.Titles),
        };
    }

    /// <summary>Which of the period's reminders it is, in the plan listing: （开始）, （进度）, （未确认者）, （截止前） or nothing.</summary>
    public static string PlanLabel(ReminderKind kind) => kind switch
    {
        DutyWindowOpen or MemberDutyOpen or ProbationReviewDue => ReminderTexts.PlanOpenLabel,
        DutyPace => ReminderTexts.PlanPaceLabel,
        MemberDutyNudge => ReminderTexts.PlanNudgeLabel,
        DutyDue => ReminderTexts.PlanDueLabel,
        _ => string.Empty,
    };

    /// <summary>Who it goes to, in the plan listing.</summary>
    public static string PlanAudience(ReminderAudience audience) => audience switch
    {
        ReminderAudience.UnconfirmedMembers => ReminderTexts.PlanToMembers,
        ReminderAudience.ArrearsLadder => ReminderTexts.PlanToArrears,
        ReminderAudience.ProbationIntroducers => ReminderTexts.PlanToIntroducers,
        _ => ReminderTexts.PlanToSecretaries,
    };

    /// <summary>A rule cited: the clause with its list's title (in a document of several lists) or its document's, or the national baseline.</summary>
    public static string Cite(RuleSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Kind switch
        {
            RuleSourceKind.DuesRegulations => ReminderTexts.DuesRule,
            RuleSourceKind.NationalBaseline => ReminderTexts.BaselineRule,
            _ => ReminderTexts.Clause(source.Document, source.ListTitle ?? source.DocumentTitle, source.ClauseId, source.Summary), // a list of several: its own title
        };
    }

    /// <summary>The deadline as “季末” when it is the period's end, else as “3月31日截止”.</summary>
    private static string EndName(PlannedReminder reminder) =>
        reminder.DeadlineIsPeriodEnd ? ReminderTexts.PeriodEnd(reminder.Period.Unit) : ReminderTexts.DeadlineEnd(reminder.Deadline);
}
