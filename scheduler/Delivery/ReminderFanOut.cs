using System.Globalization;
using Microsoft.Extensions.Logging;
using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Knowledge.Vocabulary;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Scheduler.Planning;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// Resolves a planned reminder's audience against the roster and the ledger and queues one item per recipient. Running it
/// twice for one occurrence queues duplicates, never double sends: each item's idempotency key is claimed once at delivery.
/// </summary>
public sealed class ReminderFanOut(IMemberDirectory directory, ICompletionLedger ledger, ReminderDeliveryStore queue, ILogger<ReminderFanOut> logger)
{
    /// <summary>Months of missed dues after which the member is nudged privately.</summary>
    public static readonly int[] MemberArrearsSteps = [2, 4];

    /// <summary>Months of missed dues after which the secretaries are told.</summary>
    public static readonly int[] SecretaryArrearsSteps = [3, 5];

    /// <summary>Queues the reminder; returns the number of items queued.</summary>
    public async Task<int> FanOutAsync(PlannedReminder planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var members = await directory.ListMembersAsync(planned.BranchId, cancellationToken);
        var secretaries = members.Where(m => PartyVocabulary.Shipped.SecretaryRoles.Contains(m.Role, StringComparer.Ordinal)).ToArray();
        var queued = 0;
        switch (planned.Audience)
        {
            case ReminderAudience.UnconfirmedMembers:
            {
                var done = await ConfirmedAsync(planned.BranchId, planned.Kinds, planned.PeriodKey, cancellationToken);
                var recipients = members.Where(m => Applies(planned, m) && !planned.Kinds.All(k => done[k].ContainsKey(m.MemberId))).ToArray();
                queued += await QueueAsync(Record(planned, planned.Id, planned.Text, OccurrenceRecord.RecipientSubject), recipients, cancellationToken);
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

                    var text = planned.Progress?.Invoke(new ReminderProgress(null, count)) ?? planned.Text;
                    queued += await QueueAsync(Record(planned, planned.Id, text, CompletionRecord.BranchSubject), secretaries, cancellationToken);
                }

                break;
            }

            case ReminderAudience.SecretariesWithMemberProgress:
            {
                var done = await ConfirmedAsync(planned.BranchId, planned.Kinds, planned.PeriodKey, cancellationToken);
                var pending = members.Count(m => Applies(planned, m) && !planned.Kinds.All(k => done[k].ContainsKey(m.MemberId)));
                if (pending > 0)
                {
                    var text = planned.Progress?.Invoke(new ReminderProgress(pending, 0)) ?? planned.Text;
                    queued += await QueueAsync(Record(planned, planned.Id, text, null), secretaries, cancellationToken);
                }

                break;
            }

            case ReminderAudience.Secretaries:
                queued += await QueueAsync(Record(planned, planned.Id, planned.Text, null), secretaries, cancellationToken);
                break;

            case ReminderAudience.ArrearsLadder:
                queued += await FanOutArrearsAsync(planned, members, secretaries, cancellationToken);
                break;
        }

        ReminderLog.FannedOut(logger, planned.Id, queued);
        return queued;
    }

    /// <summary>Queues a one-off notice (a leave told to the secretaries) under its own occurrence id.</summary>
    public async Task<int> NotifyAsync(string branchId, string occurrenceId, IReadOnlyList<string> kinds, string periodKey, string text, IReadOnlyList<ReminderRecipient> recipients, DateTimeOffset usefulUntil, CancellationToken cancellationToken)
    {
        var record = new OccurrenceRecord
        {
            Id = occurrenceId,
            BranchId = branchId,
            Kinds = kinds,
            PeriodKey = periodKey,
            UsefulUntil = usefulUntil,
            Message = new ReminderMessage { Text = text },
        };
        return await QueueAsync(record, recipients, cancellationToken);
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
        var month = DutyPeriod.Containing(PeriodUnit.Month, DateOnly.ParseExact(planned.PeriodKey + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture));
        var periods = new List<DutyPeriod>();
        var records = new List<IReadOnlyDictionary<string, CompletionRecord>>();
        for (var p = month.Previous(); periods.Count < 6; p = p.Previous())
        {
            periods.Add(p);
            records.Add(await ledger.GetForDutyAsync(planned.BranchId, DutyKinds.MembershipDues, p.Key, cancellationToken));
        }

        var streaks = members.ToDictionary(m => m.MemberId, m => MissedMonths(m.MemberId, m.Since, records, periods), StringComparer.Ordinal);
        var queued = 0;
        foreach (var step in MemberArrearsSteps)
        {
            var due = members.Where(m => streaks[m.MemberId] == step).ToArray();
            if (due.Length > 0)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{planned.Id}-{step}");
                queued += await QueueAsync(Record(planned, id, ReminderTexts.ArrearsMember(step), null), due, cancellationToken);
            }
        }

        foreach (var step in SecretaryArrearsSteps)
        {
            var names = members.Where(m => streaks[m.MemberId] == step).Select(m => m.Name).ToArray();
            if (names.Length > 0)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{planned.Id}-report-{step}");
                queued += await QueueAsync(Record(planned, id, ReminderTexts.ArrearsSecretary(step, names), null), secretaries, cancellationToken);
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

    private static OccurrenceRecord Record(PlannedReminder planned, string id, string text, string? stopSubject) => new()
    {
        Id = id,
        BranchId = planned.BranchId,
        Kinds = planned.Kinds,
        PeriodKey = planned.PeriodKey,
        UsefulUntil = planned.UsefulUntil,
        StopSubject = planned.Actionable ? stopSubject : null,
        Message = new ReminderMessage
        {
            Text = text,
            Actions = planned.Actionable ? ReminderResponses.Buttons(planned.Kinds, planned.PeriodKey, leave: stopSubject == OccurrenceRecord.RecipientSubject) : [],
        },
    };
}
