using System.Globalization;
using PartyAffairs.Bot.State;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Bot.Conversation;

/// <summary>
/// The tracked duties in their periods, and the ledger's records of them. "Now" is always the caller's: the branch's
/// today in its own time zone (<see cref="BranchClock"/>), never this machine's or a fixed zone's.
/// </summary>
internal sealed class DutyTracker(ITrackedDutyCatalog catalog, ICompletionLedger ledger, TimeProvider time)
{
    /// <summary>
    /// The duties of a role that run on calendar periods (the ones a member confirms per period). 预备党员考察 is not one:
    /// it is done about each 预备党员 by their 介绍人 and the secretaries, who are reminded of it by name
    /// (<see cref="DutyAudience.Probation"/>), so it is in nobody's to-do list and in no branch count.
    /// </summary>
    public IReadOnlyList<TrackedDuty> ForRole(string role) => catalog.ForRole(role).Where(Confirmable).ToArray();

    /// <summary>Every tracked duty that runs on calendar periods and is confirmed in chat.</summary>
    public IReadOnlyList<TrackedDuty> All => catalog.All.Where(Confirmable).ToArray();

    private static bool Confirmable(TrackedDuty duty) => duty.Audience != DutyAudience.Probation && DutyPeriod.TryGetUnit(duty.Period, out _);

    /// <summary>Finds the duty a member's phrase names ("交党费", "参加了主题党日", "党课"), or null.</summary>
    public TrackedDuty? Find(string phrase) => Find(phrase, catalog);

    /// <summary>
    /// Finds the duty a phrase names in <paramref name="branchCatalog"/> (the branch's binding documents: 支部委员会 four
    /// times a year under 003, not monthly), else in the catalog of every document; null when neither names it.
    /// </summary>
    public TrackedDuty? Find(string phrase, ITrackedDutyCatalog? branchCatalog) =>
        (branchCatalog is null ? null : FindIn(phrase, branchCatalog)) ?? FindIn(phrase, catalog);

    private static TrackedDuty? FindIn(string phrase, ITrackedDutyCatalog catalog)
    {
        foreach (var candidate in CommandParser.DutyCandidates(phrase))
        {
            if (candidate.Length > 0 && catalog.Find(candidate) is { } duty && DutyPeriod.TryGetUnit(duty.Period, out _))
            {
                return duty;
            }
        }

        return null;
    }

    /// <summary>True when the duty is among the role's duties.</summary>
    public bool AppliesTo(TrackedDuty duty, string role) => ForRole(role).Any(d => d.Kind == duty.Kind);

    /// <summary>The ledger subject: the member, or the branch for duties the branch does once.</summary>
    public static string SubjectFor(TrackedDuty duty, Member member) =>
        duty.Audience == DutyAudience.Branch ? CompletionRecord.BranchSubject : member.Id;

    /// <summary>The duty's calendar unit; throws for a duty without one.</summary>
    public static PeriodUnit Unit(TrackedDuty duty) => DutyPeriod.TryGetUnit(duty.Period, out var unit)
        ? unit
        : throw new ArgumentException($"Duty {duty.Kind} has no calendar period ({duty.Period}).", nameof(duty));

    /// <summary>The period of the duty containing <paramref name="date"/> (a branch's local date).</summary>
    public static DutyPeriod PeriodOn(TrackedDuty duty, DateOnly date) => DutyPeriod.Containing(Unit(duty), date);

    /// <summary>The due date: the duty's fixed deadline when it falls in the period, else the period's last day.</summary>
    public static DateOnly DueDate(TrackedDuty duty, DutyPeriod period)
    {
        if (duty.Deadline is { Length: 7 } deadline && deadline.StartsWith("--", StringComparison.Ordinal)
            && int.TryParse(deadline.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(deadline.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(period.Start.Year, month))
        {
            var date = new DateOnly(period.Start.Year, month, day);
            if (period.Contains(date))
            {
                return date;
            }
        }

        return period.End;
    }

    /// <summary>The member's duties in the periods containing <paramref name="today"/> (the branch's), with their records (one pipelined round trip).</summary>
    public async Task<IReadOnlyList<DutyStatus>> ForMemberAsync(Member member, DateOnly today, CancellationToken cancellationToken)
    {
        var duties = ForRole(member.Role);
        var periods = duties.Select(d => PeriodOn(d, today)).ToArray();
        var records = Task.WhenAll(duties.Select((d, i) =>
            ledger.GetAsync(member.BranchId, SubjectFor(d, member), d.Kind, periods[i].Key, cancellationToken)));
        var counts = Task.WhenAll(duties.Select((d, i) => d.Count > 1
            ? ledger.CountAsync(member.BranchId, SubjectFor(d, member), d.Kind, periods[i].Key, cancellationToken)
            : Task.FromResult(0)));
        var (recorded, counted) = (await records, await counts);
        return duties.Select((d, i) => new DutyStatus(d, periods[i], DueDate(d, periods[i]), recorded[i], counted[i])).ToArray();
    }

    /// <summary>
    /// Records a confirmation for <paramref name="period"/> (authorized before: <c>CompletionAuthorization</c>); false when
    /// one was recorded already. Leave is the member's own even for a branch duty.
    /// </summary>
    public Task<bool> RecordAsync(Member member, TrackedDuty duty, CompletionStatus status, DutyPeriod period, string? activityId, CancellationToken cancellationToken) =>
        ledger.RecordAsync(new CompletionRecord
        {
            BranchId = member.BranchId,
            MemberId = status == CompletionStatus.Leave ? member.Id : SubjectFor(duty, member),
            DutyKind = duty.Kind,
            PeriodKey = period.Key,
            Status = status,
            RecordedAt = time.GetUtcNow(),
            SourceActivityId = activityId,
        }, cancellationToken);

    /// <summary>Counts the occurrence <paramref name="occurrenceKey"/> (the local date it took place) of a duty required several times in <paramref name="period"/>.</summary>
    public Task<OccurrenceOutcome> AddOccurrenceAsync(Member member, TrackedDuty duty, DutyPeriod period, string occurrenceKey, string? activityId, CancellationToken cancellationToken) =>
        ledger.AddOccurrenceAsync(new CompletionRecord
        {
            BranchId = member.BranchId,
            MemberId = SubjectFor(duty, member),
            DutyKind = duty.Kind,
            PeriodKey = period.Key,
            RecordedAt = time.GetUtcNow(),
            SourceActivityId = activityId,
        }, occurrenceKey, duty.Count, cancellationToken);

    /// <summary>Occurrences counted for a duty in <paramref name="period"/> (the member's, or the branch's for a branch duty).</summary>
    public Task<int> CountAsync(string branchId, string subjectId, TrackedDuty duty, DutyPeriod period, CancellationToken cancellationToken) =>
        ledger.CountAsync(branchId, subjectId, duty.Kind, period.Key, cancellationToken);

    /// <summary>The record of a duty for a member (or the branch) in <paramref name="period"/>.</summary>
    public Task<CompletionRecord?> GetAsync(Member member, TrackedDuty duty, DutyPeriod period, CancellationToken cancellationToken) =>
        ledger.GetAsync(member.BranchId, SubjectFor(duty, member), duty.Kind, period.Key, cancellationToken);

    /// <summary>Removes a record (撤销).</summary>
    public Task<bool> RemoveAsync(LastConfirmation last, CancellationToken cancellationToken) => last.OccurrenceKey is { } occurrence
        ? ledger.RemoveOccurrenceAsync(last.BranchId, last.SubjectId, last.DutyKind, last.PeriodKey, occurrence,
            catalog.All.FirstOrDefault(d => d.Kind == last.DutyKind)?.Count ?? 1, cancellationToken)
        : ledger.RemoveAsync(last.BranchId, last.SubjectId, last.DutyKind, last.PeriodKey, cancellationToken);

    /// <summary>Every record of a duty in <paramref name="period"/> for a branch.</summary>
    public Task<IReadOnlyDictionary<string, CompletionRecord>> ForBranchAsync(string branchId, TrackedDuty duty, DutyPeriod period, CancellationToken cancellationToken) =>
        ledger.GetForDutyAsync(branchId, duty.Kind, period.Key, cancellationToken);
}
