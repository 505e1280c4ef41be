using System.Globalization;
using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Scheduler.Planning.Kinds;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Scheduler.Planning;

/// <summary>
/// Turns a branch's settings and tracked duties into dated reminder occurrences. Pure: no store, no clock. Working days
/// come from the holiday table; a reminder on a day off moves as the branch's <see cref="HolidayShift"/> says, but never
/// out of its period or past its event; a due time in quiet hours moves to the end of the quiet window.
/// </summary>
public sealed class ReminderPlanner(WorkingCalendar calendar)
{
    /// <summary>Above this count a duty is not paced (a reminder per occurrence would be noise).</summary>
    private const int MaxPacedCount = 12;

    /// <summary>Reminder kinds handled by member reminders rather than secretary follow-up.</summary>
    private static readonly HashSet<string> MemberReminded = [DutyKinds.ThemedPartyDay, DutyKinds.MembershipDues];

    /// <summary>Duties one event may satisfy together (组织生活会 together with 民主评议党员).</summary>
    private static readonly string[][] HeldTogether = [[DutyKinds.OrganisationalLifeMeeting, DutyKinds.MemberAppraisal]];

    /// <summary>Every occurrence with <see cref="PlannedReminder.DueAt"/> in [<paramref name="from"/>, <paramref name="to"/>], ordered by due time.</summary>
    /// <remarks>
    /// <paramref name="since"/> is the day the branch was created: nothing whose deadline came before it is planned (a branch
    /// created in December is not told about a March deadline).
    /// </remarks>
    public IReadOnlyList<PlannedReminder> Plan(string branchId, BranchReminderSettings settings, ITrackedDutyCatalog catalog,
        IReadOnlyDictionary<string, string> documentTitles, DateTimeOffset from, DateTimeOffset to, DateOnly? since = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(catalog);
        var zone = settings.Zone();
        var context = new Context(branchId, settings, zone, documentTitles);
        var firstDay = LocalDate(from, zone).AddDays(-70);
        var lastDay = LocalDate(to, zone).AddDays(70);
        var result = new List<PlannedReminder>();

        for (var month = new DateOnly(firstDay.Year, firstDay.Month, 1); month <= lastDay; month = month.AddMonths(1))
        {
            PlanThemedDays(context, catalog, month, result);
            PlanDues(context, catalog, month, result);
        }

        PlanDuties(context, catalog, firstDay, lastDay, result);
        PlanCalendarNotices(context, firstDay, lastDay, result);

        return result.Where(r => r.DueAt >= from && r.DueAt <= to && r.DueAt < r.UsefulUntil)
            .Where(r => since is not { } created || r.Deadline == default || r.Deadline >= created)
            .DistinctBy(r => r.Id)
            .OrderBy(r => r.DueAt).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The local day time of day-of reminders: the on-the-day lead's time, else the earliest lead time.</summary>
    public static TimeOnly DayTime(BranchReminderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Leads.FirstOrDefault(l => l.DaysBefore == 0)?.Time ?? settings.Leads.Min(l => l.Time);
    }

    private void PlanThemedDays(Context c, ITrackedDutyCatalog catalog, DateOnly month, List<PlannedReminder> result)
    {
        if (c.Settings.ThemedDay is not { } rule || catalog.Find(DutyKinds.ThemedPartyDay) is not { } duty)
        {
            return;
        }

        RuleSource[] sources = [RuleCitation.For(duty, c.Titles)];
        foreach (var day in rule.DatesIn(month.Year, month.Month))
        {
            var start = c.At(day, rule.Time);
            var period = DutyPeriod.Containing(PeriodUnit.Month, day);
            foreach (var lead in c.Settings.Leads)
            {
                var date = ShiftBefore(day.AddDays(-lead.DaysBefore), day, c.Settings.HolidayShift);
                result.Add(new PlannedReminder
                {
                    BranchId = c.BranchId,
                    Group = ReminderGroup.ThemedDay,
                    Kinds = [duty.Kind],
                    Titles = [duty.Title],
                    Period = period,
                    ReminderKind = new ThemedDayLead(day, rule.Time, rule.Place, lead.DaysBefore, day.DayNumber - date.DayNumber),
                    Audience = ReminderAudience.UnconfirmedMembers,
                    DueAt = c.Due(date, lead.Time),
                    UsefulUntil = start,
                    Deadline = day,
                    DeadlineIsPeriodEnd = false,
                    Sources = sources,
                });
            }

            if (!calendar.IsWorkingDay(day))
            {
                var notice = ShiftBefore(day.AddDays(-7), day, c.Settings.HolidayShift);
                result.Add(new PlannedReminder
                {
                    BranchId = c.BranchId,
                    Group = ReminderGroup.ThemedDay,
                    Kinds = [duty.Kind],
                    Titles = [duty.Title],
                    Period = period,
                    ReminderKind = DayOffFlag(day),
                    Audience = ReminderAudience.Secretaries,
                    DueAt = c.DueOnDay(notice),
                    UsefulUntil = start,
                    Deadline = day,
                    DeadlineIsPeriodEnd = false,
                    Actionable = false,
                    Sources = sources,
                });
            }
        }
    }

    private void PlanDues(Context c, ITrackedDutyCatalog catalog, DateOnly month, List<PlannedReminder> result)
    {
        if (catalog.Find(DutyKinds.MembershipDues) is not { } duty)
        {
            return;
        }

        var period = DutyPeriod.Containing(PeriodUnit.Month, month);
        RuleSource[] sources = [RuleCitation.For(duty, c.Titles)];
        var end = c.At(period.EndExclusive, TimeOnly.MinValue);
        for (var i = 0; i < c.Settings.DuesDays.Count; i++)
        {
            var nominal = new DateOnly(month.Year, month.Month, Math.Min(c.Settings.DuesDays[i], DateTime.DaysInMonth(month.Year, month.Month)));
            var date = ShiftWithin(nominal, period, c.Settings.HolidayShift);
            var common = new PlannedReminder
            {
                BranchId = c.BranchId,
                Group = ReminderGroup.Dues,
                Kinds = [duty.Kind],
                Titles = [duty.Title],
                Period = period,
                ReminderKind = i == 0 ? new DuesStart() : new DuesNudge(c.Settings.DuesDays[i], period.End.DayNumber - date.DayNumber),
                Audience = ReminderAudience.UnconfirmedMembers,
                DueAt = c.DueOnDay(date),
                UsefulUntil = end,
                Deadline = period.End,
                Sources = sources,
            };
            result.Add(common);
            if (i == 0)
            {
                result.Add(common with { ReminderKind = new DuesArrears(), Audience = ReminderAudience.ArrearsLadder, Actionable = false });
            }
        }
    }

    private void PlanDuties(Context c, ITrackedDutyCatalog catalog, DateOnly firstDay, DateOnly lastDay, List<PlannedReminder> result)
    {
        var entries = new List<(TrackedDuty Duty, DutyPeriod Period, DateOnly Deadline)>();
        foreach (var duty in catalog.All.Where(d => !MemberReminded.Contains(d.Kind)))
        {
            if (duty.Audience == DutyAudience.Probation)
            {
                PlanProbation(c, duty, firstDay, lastDay, result);
                continue;
            }

            if (!DutyPeriod.TryGetUnit(duty.Period, out var unit))
            {
                continue;
            }

            for (var period = DutyPeriod.Containing(unit, firstDay); period.Start <= lastDay; period = period.Next())
            {
                entries.Add((duty, period, Deadline(duty, period)));
            }
        }

        foreach (var group in entries.GroupBy(e => (e.Period.Key, e.Deadline, Set: SetOf(e.Duty.Kind))))
        {
            var members = group.ToArray();
            var (period, deadline) = (members[0].Period, members[0].Deadline);
            var kinds = members.Select(m => m.Duty.Kind).ToArray();
            var titles = members.Select(m => m.Duty.Title).ToArray();
            var sources = members.Select(m => RuleCitation.For(m.Duty, c.Titles)).Distinct().ToArray();
            var memberDuty = members[0].Duty.Audience == DutyAudience.Member;
            var required = members.Max(m => Math.Max(1, m.Duty.Count));

            // What every reminder of the group shares; each one below sets its own kind, audience and due time.
            var common = new PlannedReminder
            {
                BranchId = c.BranchId,
                Group = ReminderGroup.Duties,
                Kinds = kinds,
                Titles = titles,
                Period = period,
                ReminderKind = new DutyWindowOpen(period.Unit),
                Audience = ReminderAudience.SecretariesIfBranchPending,
                DueAt = default,
                UsefulUntil = c.At(deadline.AddDays(1), TimeOnly.MinValue),
                Deadline = deadline,
                DeadlineIsPeriodEnd = IsPeriodEnd(period, deadline, members[0].Duty),
                Required = required,
                Sources = sources,
            };
            DateOnly? firstLead = null;
            foreach (var leadDays in c.Settings.SecretaryLeadDays)
            {
                var nominal = deadline.AddDays(-leadDays);
                if (nominal < period.Start)
                {
                    continue;
                }

                var date = ShiftWithin(nominal, period, c.Settings.HolidayShift);
                if (date > deadline)
                {
                    continue;
                }

                firstLead = firstLead is { } earlier && earlier < date ? earlier : date;
                result.Add(common with
                {
                    ReminderKind = new DutyDue(leadDays, deadline.DayNumber - date.DayNumber),
                    Audience = memberDuty ? ReminderAudience.SecretariesWithMemberProgress : ReminderAudience.SecretariesIfBranchPending,
                    DueAt = c.DueOnDay(date),
                    Actionable = !memberDuty,
                    Roles = memberDuty ? members[0].Duty.Roles : [],
                });
            }

            if (memberDuty)
            {
                PlanMemberDuty(c, members[0].Duty, period, deadline, common, result);
            }
            else
            {
                PlanWindowOpen(c, members.Select(m => m.Duty).ToArray(), period, deadline, firstLead, common, result);
                PlanPace(c, period, deadline, required, firstLead, common, result);
            }
        }
    }

    /// <summary>
    /// Tells the secretaries when a window opens (组织生活会 in Q4, 述职评议 and 责任清单 in their deadline's quarter) or when a
    /// period begins that needs several occurrences: on the first working day of the window, never before it opens.
    /// </summary>
    private void PlanWindowOpen(Context c, TrackedDuty[] duties, DutyPeriod period, DateOnly deadline, DateOnly? firstLead, PlannedReminder common,
        List<PlannedReminder> result)
    {
        // Every branch duty of two months or longer opens (a yearly one on January's first working day, or its window's),
        // and so does any duty with a window, a fixed deadline or a count; monthly and weekly ones are reminded before they are due.
        if (period.Unit is PeriodUnit.Week or PeriodUnit.Month && !duties.Any(d => d.Window is not null || HasFixedDeadline(d, period) || d.Count > 1))
        {
            return;
        }

        var opens = duties.Select(d => WindowStart(d, period, deadline)).Min();
        var date = calendar.Shift(opens, HolidayShift.Next);
        if (date > deadline || (firstLead is { } lead && date >= lead))
        {
            return;
        }

        result.Add(common with
        {
            ReminderKind = new DutyWindowOpen(WindowUnit(duties[0], period)),
            Audience = ReminderAudience.SecretariesIfBranchPending,
            DueAt = c.DueOnDay(date),
        });
    }

    /// <summary>
    /// Pacing for a branch duty required N times per period (全年不少于四次): the period is cut into N equal parts, and a week
    /// before the end of part k (k &lt; N) the secretaries are told if fewer than k occurrences are counted.
    /// </summary>
    private void PlanPace(Context c, DutyPeriod period, DateOnly deadline, int required, DateOnly? firstLead, PlannedReminder common,
        List<PlannedReminder> result)
    {
        if (required is < 2 or > MaxPacedCount)
        {
            return;
        }

        var days = deadline.DayNumber - period.Start.DayNumber + 1;
        for (var k = 1; k < required; k++)
        {
            // Calendar parts when the count divides the months (4 a year: quarters), else equal numbers of days.
            var months = MonthsOf(period.Unit);
            var checkpoint = months > 0 && months % required == 0 && deadline == period.End
                ? period.Start.AddMonths(months / required * k).AddDays(-1)
                : period.Start.AddDays((int)Math.Round((double)k * days / required) - 1);
            var lead = Math.Min(7, days / required / 3);
            var date = ShiftWithin(checkpoint.AddDays(-lead), period, c.Settings.HolidayShift);
            if (date > checkpoint || (firstLead is { } first && date >= first))
            {
                continue;
            }

            result.Add(common with
            {
                ReminderKind = new DutyPace(k, checkpoint),
                Audience = ReminderAudience.SecretariesIfBranchPending,
                DueAt = c.DueOnDay(date),
            });
        }
    }

    /// <summary>
    /// 预备党员考察: on the first working day of each period (a quarter; two months for an extended probation), one reminder
    /// that fans out per 预备党员 to their 入党介绍人 and the secretaries. Which 预备党员 a period concerns (probation dates,
    /// extension) is read from the roster at fan-out.
    /// </summary>
    private void PlanProbation(Context c, TrackedDuty duty, DateOnly firstDay, DateOnly lastDay, List<PlannedReminder> result)
    {
        RuleSource[] sources = [RuleCitation.For(duty, c.Titles)];
        foreach (var (iso, extended) in new[] { (duty.Period, false), (duty.ExtendedPeriod, true) })
        {
            if (iso is null || !DutyPeriod.TryGetUnit(iso, out var unit))
            {
                continue;
            }

            for (var period = DutyPeriod.Containing(unit, firstDay); period.Start <= lastDay; period = period.Next())
            {
                var open = ShiftWithin(period.Start, period, HolidayShift.Next);
                result.Add(new PlannedReminder
                {
                    BranchId = c.BranchId,
                    Group = ReminderGroup.Duties,
                    Kinds = [duty.Kind],
                    Titles = [duty.Title],
                    Period = period,
                    ReminderKind = new ProbationReviewDue(extended),
                    Audience = ReminderAudience.ProbationIntroducers,
                    DueAt = c.DueOnDay(open),
                    UsefulUntil = c.At(period.EndExclusive, TimeOnly.MinValue),
                    Deadline = period.End,
                    Actionable = false,
                    Sources = sources,
                });
            }
        }
    }

    private static int MonthsOf(PeriodUnit unit) => unit switch
    {
        PeriodUnit.Month => 1,
        PeriodUnit.TwoMonths => 2,
        PeriodUnit.Quarter => 3,
        PeriodUnit.HalfYear => 6,
        PeriodUnit.Year => 12,
        _ => 0,
    };

    /// <summary>
    /// Members' own reminders of a members' duty other than the themed day and dues (党小组会, 学时 …): one when the period (or
    /// its window) opens, and a nudge before it ends to those who have not confirmed; none for weekly duties beyond the first.
    /// </summary>
    private void PlanMemberDuty(Context c, TrackedDuty duty, DutyPeriod period, DateOnly deadline, PlannedReminder group, List<PlannedReminder> result)
    {
        var open = calendar.Shift(WindowStart(duty, period, deadline), HolidayShift.Next);
        if (open > deadline)
        {
            open = ShiftWithin(WindowStart(duty, period, deadline), period, HolidayShift.Previous);
        }

        var common = group with
        {
            Kinds = [duty.Kind],
            Titles = [duty.Title],
            ReminderKind = new MemberDutyOpen(),
            Audience = ReminderAudience.UnconfirmedMembers,
            DueAt = c.DueOnDay(open),
            Required = Math.Max(1, duty.Count),
            Roles = duty.Roles,
            Actionable = true,
            Quota = duty.Quota,
            TeamQuota = duty.TeamQuota,
            AlsoAway = duty.AlsoAway,
        };
        if (open <= deadline)
        {
            result.Add(common);
        }

        if (MemberNudgeDays(period.Unit) is not { } nudgeDays || deadline.AddDays(-nudgeDays) < period.Start)
        {
            return;
        }

        var nudge = ShiftWithin(deadline.AddDays(-nudgeDays), period, c.Settings.HolidayShift);
        if (nudge <= open || nudge > deadline)
        {
            return;
        }

        result.Add(common with
        {
            ReminderKind = new MemberDutyNudge(nudgeDays, deadline.DayNumber - nudge.DayNumber),
            DueAt = c.DueOnDay(nudge),
        });
    }

    /// <summary>Days before the end that members who have not confirmed are nudged, by the length of the period.</summary>
    public static int? MemberNudgeDays(PeriodUnit unit) => unit switch
    {
        PeriodUnit.Week => null,
        PeriodUnit.Month => 7,
        PeriodUnit.TwoMonths => 10,
        PeriodUnit.Quarter => 14,
        PeriodUnit.HalfYear => 21,
        _ => 30,
    };

    /// <summary>
    /// The first day of the duty's window in the period: the window's first day (Q4 → 10月1日), for a fixed deadline the
    /// first day of the deadline's quarter (12月31日 → 10月1日), else the period's first day; never after the deadline.
    /// </summary>
    public static DateOnly WindowStart(TrackedDuty duty, DutyPeriod period, DateOnly deadline)
    {
        ArgumentNullException.ThrowIfNull(duty);
        var start = period.Start;
        if (WindowDays(duty.Window, period.Start.Year) is { } window)
        {
            if (period.Contains(window.First))
            {
                start = window.First;
            }
        }
        else if (HasFixedDeadline(duty, period))
        {
            // The deadline's quarter, or the one before when the deadline falls in its first fortnight (“七一”: from 4月1日).
            var quarter = DutyPeriod.Containing(PeriodUnit.Quarter, deadline.AddDays(-14)).Start;
            start = quarter > period.Start ? quarter : period.Start;
        }

        return start > deadline ? period.Start : start;
    }

    private static bool HasFixedDeadline(TrackedDuty duty, DutyPeriod period) => FixedDeadline(duty, period) is not null;

    /// <summary>The duty's fixed --MM-DD deadline in the period, or null.</summary>
    private static DateOnly? FixedDeadline(TrackedDuty duty, DutyPeriod period)
    {
        if (duty.Deadline is { Length: 7 } deadline
            && int.TryParse(deadline.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(deadline.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(period.Start.Year, month))
        {
            var date = new DateOnly(period.Start.Year, month, day);
            return period.Contains(date) ? date : null;
        }

        return null;
    }

    /// <summary>The unit a duty's window is named by: the window's own (Q4 of a year → a quarter), else the period's.</summary>
    private static PeriodUnit WindowUnit(TrackedDuty duty, DutyPeriod period) => duty.Window?[0] switch
    {
        'Q' when period.Unit != PeriodUnit.Quarter => PeriodUnit.Quarter,
        'H' when period.Unit != PeriodUnit.HalfYear => PeriodUnit.HalfYear,
        'M' when period.Unit != PeriodUnit.Month => PeriodUnit.Month,
        _ => period.Unit,
    };

    /// <summary>
    /// While a year has no State Council notice (its days off are computed from the law, 调休 unknown), the secretaries are
    /// told once on 1 December before it and once more on its first working day; a notice loaded meanwhile cancels what is
    /// still to come (the planner no longer plans it).
    /// </summary>
    private void PlanCalendarNotices(Context c, DateOnly firstDay, DateOnly lastDay, List<PlannedReminder> result)
    {
        for (var year = firstDay.Year; year <= lastDay.Year; year++)
        {
            if (!calendar.IsProvisional(year))
            {
                continue;
            }

            var december = DutyPeriod.Containing(PeriodUnit.Month, new DateOnly(year - 1, 12, 1));
            var notice = ShiftWithin(december.Start, december, c.Settings.HolidayShift);
            var firstWorkingDay = calendar.Shift(new DateOnly(year, 1, 1), HolidayShift.Next);
            var common = new PlannedReminder
            {
                BranchId = c.BranchId,
                Group = ReminderGroup.Duties,
                Kinds = [ProvisionalCalendarNotice.Subject],
                Titles = [],
                Period = DutyPeriod.Containing(PeriodUnit.Year, new DateOnly(year, 1, 1)),
                ReminderKind = new ProvisionalCalendarNotice(year, YearStarted: false),
                Audience = ReminderAudience.Secretaries,
                DueAt = c.DueOnDay(notice),
                UsefulUntil = c.At(new DateOnly(year, 1, 1), TimeOnly.MinValue),
                Deadline = new DateOnly(year, 1, 1),
                DeadlineIsPeriodEnd = false,
                Actionable = false,
            };
            result.Add(common);
            result.Add(common with
            {
                ReminderKind = new ProvisionalCalendarNotice(year, YearStarted: true),
                DueAt = c.DueOnDay(firstWorkingDay),
                UsefulUntil = c.At(new DateOnly(year, 2, 1), TimeOnly.MinValue),
            });
        }
    }

    /// <summary>The secretaries' flag of a themed day on a day off: the holiday (table or computed) and the nearest working days.</summary>
    private ThemedDayOff DayOffFlag(DateOnly day)
    {
        var holiday = calendar.HolidayName(day);
        var (before, after) = calendar.NearestWorkingDays(day);
        var suggestion = before.Month == day.Month ? before : after;
        return new ThemedDayOff(day, holiday, before, after, suggestion, holiday is not null && calendar.IsProvisional(day.Year) ? day.Year : null);
    }

    /// <summary>The last day to act in the period: a fixed deadline, the window's end, or the period's end.</summary>
    public static DateOnly Deadline(TrackedDuty duty, DutyPeriod period)
    {
        ArgumentNullException.ThrowIfNull(duty);
        if (FixedDeadline(duty, period) is { } date)
        {
            return date;
        }

        return WindowDays(duty.Window, period.Start.Year) is { } window && period.Contains(window.Last) ? window.Last : period.End;
    }

    /// <summary>The first and last day of a window (Q1–Q4, H1–H2, M1–M12) in <paramref name="year"/>, or null when there is none.</summary>
    private static (DateOnly First, DateOnly Last)? WindowDays(string? window, int year)
    {
        if (window is not { Length: >= 2 } || !int.TryParse(window.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        (int First, int Last)? months = window[0] switch
        {
            'Q' when n is >= 1 and <= 4 => ((n * 3) - 2, n * 3),
            'H' when n is 1 or 2 => ((n * 6) - 5, n * 6),
            'M' when n is >= 1 and <= 12 => (n, n),
            _ => null,
        };
        return months is var (first, last) ? (new DateOnly(year, first, 1), new DateOnly(year, last, 1).AddMonths(1).AddDays(-1)) : null;
    }

    /// <summary>True when the deadline is the period's own end (“季末”), false for a fixed date or a window's end (“3月31日截止”).</summary>
    private static bool IsPeriodEnd(DutyPeriod period, DateOnly deadline, TrackedDuty duty) => deadline == period.End && duty.Deadline is null;

    private static string SetOf(string kind) =>
        HeldTogether.FirstOrDefault(set => set.Contains(kind)) is { } set ? string.Join('+', set) : kind;

    /// <summary>Moves a reminder day off to a working day, but never past <paramref name="eventDay"/>.</summary>
    private DateOnly ShiftBefore(DateOnly date, DateOnly eventDay, HolidayShift shift)
    {
        var moved = calendar.Shift(date, shift);
        return moved > eventDay ? calendar.Shift(date, HolidayShift.Previous) : moved;
    }

    /// <summary>Moves a reminder day off to a working day inside <paramref name="period"/>; the other way when the shift would leave it.</summary>
    private DateOnly ShiftWithin(DateOnly date, DutyPeriod period, HolidayShift shift)
    {
        var moved = calendar.Shift(date, shift);
        if (period.Contains(moved))
        {
            return moved;
        }

        var other = calendar.Shift(date, shift == HolidayShift.Previous ? HolidayShift.Next : HolidayShift.Previous);
        return period.Contains(other) ? other : date;
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private sealed record Context(string BranchId, BranchReminderSettings Settings, TimeZoneInfo Zone, IReadOnlyDictionary<string, string> Titles)
    {
        public DateTimeOffset At(DateOnly date, TimeOnly time)
        {
            var local = date.ToDateTime(time);
            return new DateTimeOffset(local, Zone.GetUtcOffset(local));
        }

        /// <summary>The time of day-of reminders (<see cref="ReminderPlanner.DayTime"/>), worked out once per plan.</summary>
        private TimeOnly DayTime { get; } = ReminderPlanner.DayTime(Settings);

        /// <summary>A reminder on <paramref name="date"/> at the day-of reminder time, moved out of quiet hours.</summary>
        public DateTimeOffset DueOnDay(DateOnly date) => Due(date, DayTime);

        public DateTimeOffset Due(DateOnly date, TimeOnly time)
        {
            var local = Settings.QuietHours.NextAllowed(date.ToDateTime(time));
            return new DateTimeOffset(local, Zone.GetUtcOffset(local));
        }
    }
}
