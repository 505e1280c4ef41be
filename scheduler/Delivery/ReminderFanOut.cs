using Microsoft.Extensions.Logging;
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

    /// <summary>Queues the reminder; returns the number of items queued.</summary>
    public async Task<int> FanOutAsync(PlannedReminder planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var members = await directory.ListMembersAsync(planned.BranchId, cancellationToken);
        var secretaries = members.Where(m => DutyKinds.SecretaryRoles.Contains(m.Role, StringComparer.Ordinal)).ToArray();
        var queued = 0;
        switch (planned.Audience)
        {
            case ReminderAudience.UnconfirmedMembers:
            {
                var done = await ConfirmedAsync(planned.BranchId, planned.Kinds, planned.PeriodKey, cancellationToken);
                var recipients = members.Where(m => Applies(planned, m) && !planned.Kinds.All(k => done[k].ContainsKey(m.MemberId))).ToArray();
                queued += await QueueAsync(Record(planned, null, OccurrenceRecord.RecipientSubject), recipients, cancellationToken);
                break;
            }

            case ReminderAudience.SecretariesIfBranchPending:
            {
                var done = await ConfirmedAsync(planned.BranchId, planned.Kinds, planned.PeriodKey, cancellationToken);
                if (!planned.Kinds.All(k => done[k].ContainsKey(CompletionRecord.BranchSubject)))
                {
                    var count = planned.Required > 1 ? await BranchCountAsync(planned, cancellationToken) : 0;
                    if (planned.PaceTarget is { } target && count >= target)
                    {
                        break;
                    }

                    queued += await QueueAsync(Record(planned, new ReminderProgress(null, count), CompletionRecord.BranchSubject), secretaries, cancellationToken);
                }

                break;
            }

            case ReminderAudience.SecretariesWithMemberProgress:
            {
                var done = await ConfirmedAsync(planned.BranchId, planned.Kinds, planned.PeriodKey, cancellationToken);
                var pending = members.Count(m => Applies(planned, m) && !planned.Kinds.All(k => done[k].ContainsKey(m.MemberId)));
                if (pending > 0)
                {
                    queued += await QueueAsync(Record(planned, new ReminderProgress(pending, 0), null), secretaries, cancellationToken);
                }

                break;
            }

            case ReminderAudience.Secretaries:
                queued += await QueueAsync(Record(planned, null, null), secretaries, cancellationToken);
                break;

            case ReminderAudience.ArrearsLadder:
                queued += await FanOutArrearsAsync(planned, members, secretaries, cancellationToken);
                break;
        }

        ReminderLog.FannedOut(logger, planned.Id, queued);
        return queued;
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

    private async Task<int> FanOutArrearsAsync(PlannedReminder planned, IReadOnlyList<ReminderRecipient> members, IReadOnlyList<ReminderRecipient> secretaries, CancellationToken cancellationToken)
    {
        var month = planned.Period;
        var periods = new List<DutyPeriod>();
        var records = new List<IReadOnlyDictionary<string, CompletionRecord>>();
        for (var p = month.Previous(); periods.Count < 6; p = p.Previous())
        {
            periods.Add(p);
            records.Add(await ledger.GetForDutyAsync(planned.BranchId, DutyKinds.Dues, p.Key, cancellationToken));
        }

        var streaks = members.ToDictionary(m => m.MemberId, m => MissedMonths(m.MemberId, m.Since, records, periods), StringComparer.Ordinal);
        var queued = 0;
        foreach (var step in MemberArrearsSteps)
        {
            var due = members.Where(m => streaks[m.MemberId] == step).ToArray();
            if (due.Length > 0)
            {
                // The occurrence id ends in arrears-{step}: the ladder's id with the step appended, as it always was.
                queued += await QueueAsync(Record(planned with { ReminderKind = new ArrearsNudge(step) }, null, null), due, cancellationToken);
            }
        }

        foreach (var step in SecretaryArrearsSteps)
        {
            var names = members.Where(m => streaks[m.MemberId] == step).Select(m => m.Name).ToArray();
            if (names.Length > 0)
            {
                queued += await QueueAsync(Record(planned with { ReminderKind = new ArrearsReport(step, names) }, null, null), secretaries, cancellationToken);
            }
        }

        return queued;
    }

    private static bool Applies(PlannedReminder planned, ReminderRecipient member) =>
        planned.Roles.Count == 0 || planned.Roles.Contains(member.Role, StringComparer.Ordinal);

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
