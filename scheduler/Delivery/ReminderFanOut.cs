using Microsoft.Extensions.Logging;
using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Knowledge.Vocabulary;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Planning.Kinds;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// Resolves a planned reminder's audience against the roster and the ledger and queues one item per recipient. Running it
/// twice for one occurrence queues duplicates, never double sends: each item's idempotency key is claimed once at delivery.
/// The message is worded once per occurrence by the host's <see cref="IReminderWording"/>, with the branch's progress.
/// </summary>
public sealed class ReminderFanOut(IMemberDirectory directory, ICompletionLedger ledger, ReminderDeliveryStore queue, IReminderWording wording, ILogger<ReminderFanOut> logger)
{
    /// <summary>Answers offered on an actionable reminder: done, and leave where each member confirms for themself.</summary>
    private static readonly CompletionStatus[] DoneOrLeave = [CompletionStatus.Done, CompletionStatus.Leave];

    /// <summary>The answer offered where the branch confirms once (a secretary for the branch).</summary>
    private static readonly CompletionStatus[] DoneOnly = [CompletionStatus.Done];

    /// <summary>Months of missed dues after which the member is nudged privately.</summary>
    public static readonly int[] MemberArrearsSteps = [2, 4];

    /// <summary>Months of missed dues after which the secretaries are told.</summary>
    public static readonly int[] SecretaryArrearsSteps = [3, 5];

    /// <summary>The local day the branch was created (no reminder about an earlier deadline), when the directory knows it.</summary>
    public Task<DateOnly?> BranchCreatedAsync(string branchId, CancellationToken cancellationToken) => directory.BranchCreatedAsync(branchId, cancellationToken);

    /// <summary>Queues the reminder on its own (one occurrence, one item per recipient); returns the number of items queued.</summary>
    public async Task<int> FanOutAsync(PlannedReminder planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var lines = await ResolveAsync(planned, await directory.ListMembersAsync(planned.BranchId, cancellationToken), cancellationToken);
        var queued = 0;
        foreach (var occurrence in lines.Where(l => !l.Confirmed).GroupBy(l => l.Record.Id, StringComparer.Ordinal))
        {
            queued += await QueueAsync(occurrence.First().Record, occurrence.Select(l => l.Recipient).ToArray(), cancellationToken);
        }

        ReminderLog.FannedOut(logger, planned.Id, queued);
        return queued;
    }

    /// <summary>
    /// Queues the reminders of one send slot (<see cref="ReminderDigests"/>) as one message per person: a person with one
    /// reminder gets it under its own occurrence, a person with several gets one digest (<c>{branch}:digest:{slot}:{member}</c>)
    /// holding the lines not yet confirmed. Whether a person gets a digest is decided before the ledger is read (by the
    /// roster alone), so a repeated fan-out of the slot reaches every person under the same idempotency key.
    /// </summary>
    public async Task<int> FanOutSlotAsync(string slot, IReadOnlyList<PlannedReminder> reminders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        if (reminders.Count == 0)
        {
            return 0;
        }

        var queued = 0;
        foreach (var message in await ComposeSlotAsync(slot, reminders, cancellationToken))
        {
            queued += await QueueAsync(message.Record, message.Recipients, cancellationToken);
        }

        ReminderLog.FannedOut(logger, $"{reminders[0].BranchId}:slot:{slot}", queued);
        return queued;
    }

    /// <summary>The messages of one send slot, one per person, as <see cref="FanOutSlotAsync"/> queues them (and the plan shows them).</summary>
    public async Task<IReadOnlyList<ComposedMessage>> ComposeSlotAsync(string slot, IReadOnlyList<PlannedReminder> reminders, CancellationToken cancellationToken) =>
        ReminderDigests.Compose(slot, await ResolveAllAsync(reminders, cancellationToken), wording);

    /// <summary>Every reminder of <paramref name="reminders"/> (one branch) resolved against the roster and the ledger as they are now.</summary>
    public async Task<IReadOnlyList<ResolvedLine>> ResolveAllAsync(IReadOnlyList<PlannedReminder> reminders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        if (reminders.Count == 0)
        {
            return [];
        }

        var members = await directory.ListMembersAsync(reminders[0].BranchId, cancellationToken);
        var lines = new List<ResolvedLine>();
        foreach (var planned in reminders)
        {
            lines.AddRange(await ResolveAsync(planned, members, cancellationToken));
        }

        return lines;
    }

    /// <summary>
    /// The reminder's recipients with the occurrence each receives, including those the ledger already stops (flagged
    /// <see cref="ResolvedLine.Confirmed"/>): members by role (and 外出 where the duty binds members away), 班子成员 with their
    /// own quota, the secretaries, the 入党介绍人 of each 预备党员, the arrears ladder's steps.
    /// </summary>
    public async Task<IReadOnlyList<ResolvedLine>> ResolveAsync(PlannedReminder planned, IReadOnlyList<ReminderRecipient> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(members);
        var secretaries = members.Where(m => PartyVocabulary.Shipped.SecretaryRoles.Contains(m.Role, StringComparer.Ordinal)).ToArray();
        var lines = new List<ResolvedLine>();
        switch (planned.Audience)
        {
            case ReminderAudience.UnconfirmedMembers:
            {
                var done = await ConfirmedAsync(planned.BranchId, planned.Kinds, planned.PeriodKey, cancellationToken);
                var day = DateOnly.FromDateTime(planned.DueAt.DateTime);
                var records = new Dictionary<string, OccurrenceRecord>(StringComparer.Ordinal);
                foreach (var member in members.Where(m => Applies(planned, m, day)))
                {
                    var variant = planned.TeamQuota is not null && IsTeam(member) ? planned with { Variant = TeamVariant, Quota = planned.TeamQuota } : planned;
                    if (!records.TryGetValue(variant.Id, out var record))
                    {
                        records[variant.Id] = record = Record(variant, null, OccurrenceRecord.RecipientSubject);
                    }

                    lines.Add(new ResolvedLine(member, variant, record, planned.Kinds.All(k => done[k].ContainsKey(member.MemberId))));
                }

                break;
            }

            case ReminderAudience.SecretariesIfBranchPending:
            {
                var done = await ConfirmedAsync(planned.BranchId, planned.Kinds, planned.PeriodKey, cancellationToken);
                var confirmed = planned.Kinds.All(k => done[k].ContainsKey(CompletionRecord.BranchSubject));
                var count = !confirmed && planned.Required > 1 ? await BranchCountAsync(planned, cancellationToken) : 0;
                confirmed |= planned.PaceTarget is { } target && count >= target;
                var record = Record(planned, new ReminderProgress(null, count), CompletionRecord.BranchSubject);
                lines.AddRange(secretaries.Select(s => new ResolvedLine(s, planned, record, confirmed)));
                break;
            }

            case ReminderAudience.SecretariesWithMemberProgress:
            {
                var done = await ConfirmedAsync(planned.BranchId, planned.Kinds, planned.PeriodKey, cancellationToken);
                var day = DateOnly.FromDateTime(planned.DueAt.DateTime);
                var pending = members.Count(m => Applies(planned, m, day) && !planned.Kinds.All(k => done[k].ContainsKey(m.MemberId)));
                var record = Record(planned, new ReminderProgress(pending, 0), null);
                lines.AddRange(secretaries.Select(s => new ResolvedLine(s, planned, record, pending == 0)));
                break;
            }

            case ReminderAudience.Secretaries:
            {
                var record = Record(planned, null, null);
                lines.AddRange(secretaries.Select(s => new ResolvedLine(s, planned, record, false)));
                break;
            }

            case ReminderAudience.ProbationIntroducers:
                lines.AddRange(ResolveProbation(planned, members, secretaries));
                break;

            case ReminderAudience.ArrearsLadder:
                lines.AddRange(await ResolveArrearsAsync(planned, members, secretaries, cancellationToken));
                break;
        }

        return lines;
    }

    /// <summary>The variant of a members' reminder worded with the 班子成员 quota.</summary>
    public const string TeamVariant = "team";

    /// <summary>True when the member is a 班子成员: the roster marks them so, or they sit on the branch committee (书记, 副书记, 委员).</summary>
    public static bool IsTeam(ReminderRecipient member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.TeamMember || PartyVocabulary.Shipped.FindRosterRole(member.Role) is { IsOfficer: true };
    }

    /// <summary>
    /// Whether the 预备党员 <paramref name="member"/>'s probation needs 考察 in <paramref name="period"/>: quarterly during the
    /// probation year (every 预备党员 when the roster gives no start), every two months only while it is extended.
    /// </summary>
    public static bool UnderReview(ReminderRecipient member, DutyPeriod period, bool extended)
    {
        ArgumentNullException.ThrowIfNull(member);
        var probationary = DutyKindProfiles.ProbationaryMembers.Contains(member.Role, StringComparer.Ordinal);
        if (member.ProbationStart is not { } start)
        {
            // No dates: an extension on the roster says the probation is extended until then; else the general rule.
            return member.ProbationExtendedUntil is { } until
                ? extended && period.Start <= until
                : !extended && probationary;
        }

        var end = start.AddYears(1).AddDays(-1);
        return extended
            ? member.ProbationExtendedUntil is { } extendedUntil && period.End > end && period.Start <= extendedUntil
            : period.End >= start && period.Start <= end && (probationary || member.ProbationExtendedUntil is not null);
    }

    private IEnumerable<ResolvedLine> ResolveProbation(PlannedReminder planned, IReadOnlyList<ReminderRecipient> members, IReadOnlyList<ReminderRecipient> secretaries)
    {
        var extended = planned.ReminderKind is ProbationReviewDue { Extended: true };
        foreach (var probationer in members.Where(m => UnderReview(m, planned.Period, extended)))
        {
            var about = planned with { ReminderKind = new ProbationReview(probationer.MemberId, probationer.Name, extended) };
            var record = Record(about, null, null);
            var introducers = members.Where(m => probationer.Introducers.Contains(m.Name, StringComparer.Ordinal));
            foreach (var recipient in introducers.Concat(secretaries).Where(m => m.MemberId != probationer.MemberId).DistinctBy(m => m.MemberId))
            {
                yield return new ResolvedLine(recipient, about, record, false);
            }
        }
    }

    /// <summary>Queues a one-off notice (a leave told to the secretaries) to <paramref name="recipients"/>, under its own occurrence id and without buttons.</summary>
    public async Task<int> NotifyAsync(PlannedReminder notice, IReadOnlyList<ReminderRecipient> recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return await QueueAsync(Record(notice with { Actionable = false }, null, null), recipients, cancellationToken);
    }

    /// <summary>Consecutive months (most recent first in <paramref name="previousMonths"/>) without a 党费 record (done or excused), counted from the member's start.</summary>
    public static int MissedMonths(string memberId, DateOnly? since, IReadOnlyList<IReadOnlyDictionary<string, CompletionRecord>> previousMonths, IReadOnlyList<DutyPeriod> previousPeriods)
    {
        ArgumentNullException.ThrowIfNull(previousMonths);
        ArgumentNullException.ThrowIfNull(previousPeriods);
        var missed = 0;
        for (var i = 0; i < previousMonths.Count; i++)
        {
            if ((since is { } start && previousPeriods[i].End < start) || previousMonths[i].ContainsKey(memberId))
            {
                break;
            }

            missed++;
        }

        return missed;
    }

    private async Task<IReadOnlyList<ResolvedLine>> ResolveArrearsAsync(PlannedReminder planned, IReadOnlyList<ReminderRecipient> members, IReadOnlyList<ReminderRecipient> secretaries, CancellationToken cancellationToken)
    {
        var month = planned.Period;
        var periods = new List<DutyPeriod>();
        var records = new List<IReadOnlyDictionary<string, CompletionRecord>>();
        for (var p = month.Previous(); periods.Count < 6; p = p.Previous())
        {
            periods.Add(p);
            records.Add(await ledger.GetForDutyAsync(planned.BranchId, DutyKinds.MembershipDues, p.Key, cancellationToken));
        }

        var streaks = members.ToDictionary(m => m.MemberId, m => MissedMonths(m.MemberId, m.Since, records, periods), StringComparer.Ordinal);
        var lines = new List<ResolvedLine>();
        foreach (var step in MemberArrearsSteps)
        {
            var due = members.Where(m => streaks[m.MemberId] == step).ToArray();
            if (due.Length > 0)
            {
                // The occurrence id ends in arrears-{step}: the ladder's id with the step appended, as it always was.
                var nudge = planned with { ReminderKind = new ArrearsNudge(step) };
                var record = Record(nudge, null, null);
                lines.AddRange(due.Select(m => new ResolvedLine(m, nudge, record, false)));
            }
        }

        foreach (var step in SecretaryArrearsSteps)
        {
            var names = members.Where(m => streaks[m.MemberId] == step).Select(m => m.Name).ToArray();
            if (names.Length > 0)
            {
                var report = planned with { ReminderKind = new ArrearsReport(step, names) };
                var record = Record(report, null, null);
                lines.AddRange(secretaries.Select(m => new ResolvedLine(m, report, record, false)));
            }
        }

        return lines;
    }

    private static bool Applies(PlannedReminder planned, ReminderRecipient member, DateOnly day) =>
        planned.Roles.Count == 0 || planned.Roles.Contains(member.Role, StringComparer.Ordinal) || (planned.AlsoAway && member.IsAwayOn(day));

    /// <summary>The branch's counted occurrences; for duties held together, the least of them.</summary>
    private async Task<int> BranchCountAsync(PlannedReminder planned, CancellationToken cancellationToken)
    {
        var least = int.MaxValue;
        foreach (var kind in planned.Kinds)
        {
            least = Math.Min(least, await ledger.CountAsync(planned.BranchId, CompletionRecord.BranchSubject, kind, planned.PeriodKey, cancellationToken));
        }

        return least == int.MaxValue ? 0 : least;
    }

    private async Task<Dictionary<string, IReadOnlyDictionary<string, CompletionRecord>>> ConfirmedAsync(string branchId, IReadOnlyList<string> kinds, string periodKey, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, CompletionRecord>>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            result[kind] = await ledger.GetForDutyAsync(branchId, kind, periodKey, cancellationToken);
        }

        return result;
    }

    private async Task<int> QueueAsync(OccurrenceRecord record, IReadOnlyList<ReminderRecipient> recipients, CancellationToken cancellationToken)
    {
        var reachable = recipients.Where(r => r.ChannelId is not null).Select(r => new DeliveryItem(record.Id, r.MemberId, r.ChannelId!)).ToArray();
        if (reachable.Length < recipients.Count)
        {
            ReminderLog.Unreachable(logger, record.BranchId, record.Id, recipients.Count - reachable.Length);
        }

        await queue.EnqueueAsync(record, reachable, cancellationToken);
        return reachable.Length;
    }

    private OccurrenceRecord Record(PlannedReminder planned, ReminderProgress? progress, string? stopSubject) => new()
    {
        Id = planned.Id,
        BranchId = planned.BranchId,
        Kinds = planned.Kinds,
        PeriodKey = planned.PeriodKey,
        UsefulUntil = planned.UsefulUntil,
        StopSubject = planned.Actionable ? stopSubject : null,
        Message = wording.Message(planned, progress,
            !planned.Actionable ? [] : stopSubject == OccurrenceRecord.RecipientSubject ? DoneOrLeave : DoneOnly),
    };
}
