using System.Globalization;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Planning.Kinds;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// One message per person per send slot. A slot is a local day of the branch: every reminder of that day for one person
/// forms one message, sent at the day's first due time; only an event's own reminder (the themed day's reminder on the
/// day itself) is a slot of its own. Fan-out (<see cref="ReminderFanOut.FanOutSlotAsync"/>) and the plan API both compose
/// their messages here, so the plan shows exactly what is sent.
/// </summary>
public static class ReminderDigests
{
    /// <summary>The slot of <paramref name="reminder"/>: its local day (yyyyMMdd), with <c>-event</c> for an event's own reminder.</summary>
    public static string SlotOf(PlannedReminder reminder, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(zone);
        var day = TimeZoneInfo.ConvertTime(reminder.DueAt, zone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return IsEventDay(reminder) ? day + "-event" : day;
    }

    /// <summary>True for an event's own reminder on its day (the themed day's), which is never folded into the day's digest.</summary>
    public static bool IsEventDay(PlannedReminder reminder) => reminder?.ReminderKind is ThemedDayLead { DaysBefore: 0 };

    /// <summary>The occurrence id of a person's digest in a slot.</summary>
    public static string DigestId(string branchId, string slot, string memberId) => $"{branchId}:digest:{slot}:{memberId}";

    /// <summary>
    /// The messages of one slot from its resolved lines: a person with one reminder receives that occurrence (unless the
    /// ledger stops it); a person with several receives one digest of the lines not yet confirmed (none when all are).
    /// Whether a person gets a digest depends on the roster only, never on the ledger, so a repeated fan-out of the slot
    /// uses the same occurrence (and so the same idempotency key) for each person.
    /// </summary>
    public static IReadOnlyList<ComposedMessage> Compose(string slot, IReadOnlyList<ResolvedLine> lines, IReminderWording wording)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(wording);
        var singles = new Dictionary<string, (ResolvedLine Line, List<ReminderRecipient> Recipients)>(StringComparer.Ordinal);
        var result = new List<ComposedMessage>();
        foreach (var person in lines.GroupBy(l => l.Recipient.MemberId, StringComparer.Ordinal))
        {
            var own = person.DistinctBy(l => l.Record.Id, StringComparer.Ordinal).ToArray();
            if (own.Length == 1)
            {
                if (!own[0].Confirmed)
                {
                    if (!singles.TryGetValue(own[0].Record.Id, out var single))
                    {
                        singles[own[0].Record.Id] = single = (own[0], []);
                    }

                    single.Recipients.Add(own[0].Recipient);
                }

                continue;
            }

            var pending = own.Where(l => !l.Confirmed).ToArray();
            if (pending.Length == 0)
            {
                continue;
            }

            var recipient = pending[0].Recipient;
            var digestLines = pending.Select(l => new DigestLine
            {
                OccurrenceId = l.Record.Id,
                Kinds = l.Record.Kinds,
                PeriodKey = l.Record.PeriodKey,
                StopSubject = l.Record.StopSubject == OccurrenceRecord.RecipientSubject ? recipient.MemberId : l.Record.StopSubject,
                Message = l.Record.Message,
            }).ToArray();
            var record = new OccurrenceRecord
            {
                Id = DigestId(pending[0].Record.BranchId, slot, recipient.MemberId),
                BranchId = pending[0].Record.BranchId,
                Kinds = [.. pending.SelectMany(l => l.Record.Kinds).Distinct(StringComparer.Ordinal)],
                PeriodKey = string.Join(',', pending.Select(l => l.Record.PeriodKey).Distinct(StringComparer.Ordinal)),
                UsefulUntil = pending.Max(l => l.Record.UsefulUntil),
                Message = wording.Digest(digestLines),
                Lines = digestLines,
            };
            result.Add(new ComposedMessage(record, [recipient], [.. pending.Select(l => l.Planned)]));
        }

        result.InsertRange(0, singles.Values.Select(s => new ComposedMessage(s.Line.Record, s.Recipients, [s.Line.Planned])));
        return result;
    }

    /// <summary>The message of a digest at send time: the lines still pending (null: every line is confirmed).</summary>
    public static ReminderMessage? AtSend(OccurrenceRecord digest, IReadOnlyList<DigestLine> pending, IReminderWording wording)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(wording);
        return pending.Count == 0 ? null
            : pending.Count == digest.Lines.Count ? digest.Message
            : pending.Count == 1 ? pending[0].Message
            : wording.Digest(pending);
    }

    /// <summary>Whose record stops a line of a digest, for the ledger check: null when nothing stops it.</summary>
    public static IEnumerable<(string Subject, string Kind, string PeriodKey)> Stops(DigestLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.StopSubject is null ? [] : line.Kinds.Select(k => (line.StopSubject, k, line.PeriodKey));
    }
}
