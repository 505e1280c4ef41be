using Microsoft.EntityFrameworkCore;
using PartyAffairs.Ledger.Completion;
using PartyAffairs.Ledger.Storage;
using PartyAffairs.Ledger.Study;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Ledger.Records;

/// <summary>
/// What records count for: attending is each attendee's completion of the record's duty for the period containing its
/// date, an absence with a reason is leave, and a record of a branch duty is the branch's completion. Duties required
/// several times per period count one occurrence per record date. After any change, the completions records wrote for
/// the duty and period are retracted and every remaining record of that period applied again, so an edit or a delete
/// never leaves a completion behind that no record supports; confirmations made in chat are never touched.
/// </summary>
internal static class RecordCompletions
{
    /// <summary>The tracked duty and period a record of <paramref name="kind"/> on <paramref name="date"/> counts for, or null.</summary>
    public static (TrackedDuty Duty, DutyPeriod Period)? Target(ITrackedDutyCatalog duties, string kind, DateOnly date)
    {
        // 集中学习 counts through its hours (the 学时 quota), not per meeting.
        if (duties.Find(kind) is not { } duty || duty.Kind == StudyHours.DutyKind || !DutyPeriod.TryGetUnit(duty.Period, out var unit))
        {
            return null;
        }

        return (duty, DutyPeriod.Containing(unit, date));
    }

    /// <summary>Rebuilds the record-derived completions of one duty and period.</summary>
    public static async Task RebuildAsync(LedgerDbContext db, string branchId, ITrackedDutyCatalog duties, TrackedDuty duty, DutyPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (kind, key) = (duty.Kind, period.Key);
        await db.Completions
            .Where(c => c.BranchId == branchId && c.DutyKind == kind && c.PeriodKey == key && c.Origin != null && c.Origin.StartsWith(Origins.RecordPrefix))
            .ExecuteDeleteAsync(cancellationToken);
        await db.Occurrences
            .Where(o => o.BranchId == branchId && o.DutyKind == kind && o.PeriodKey == key && o.Origin != null && o.Origin.StartsWith(Origins.RecordPrefix))
            .ExecuteDeleteAsync(cancellationToken);

        var (start, end) = (period.Start, period.EndExclusive);
        var records = await db.Records.AsNoTracking().Include(r => r.Attendance)
            .Where(r => r.BranchId == branchId && r.Date >= start && r.Date < end)
            .OrderBy(r => r.Date).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        foreach (var record in records.Where(r => duties.Find(r.Kind)?.Kind == kind))
        {
            await ApplyAsync(db, branchId, duty, key, record, now, cancellationToken);
        }
    }

    private static async Task ApplyAsync(LedgerDbContext db, string branchId, TrackedDuty duty, string periodKey, MeetingRecordRow record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var origin = Origins.Record(record.Id);
        var occurrenceKey = record.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        CompletionRecord For(string subject, CompletionStatus status) => new()
        {
            BranchId = branchId, MemberId = subject, DutyKind = duty.Kind, PeriodKey = periodKey, Status = status, RecordedAt = now,
        };

        async Task DoneAsync(string subject)
        {
            if (duty.Count > 1)
            {
                await SqlCompletionLedger.AddOccurrenceAsync(db, For(subject, CompletionStatus.Done), occurrenceKey, duty.Count, origin, cancellationToken);
            }
            else
            {
                await SqlCompletionLedger.InsertAsync(db, For(subject, CompletionStatus.Done), origin, cancellationToken);
            }
        }

        if (duty.Audience == DutyAudience.Branch)
        {
            await DoneAsync(CompletionRecord.BranchSubject);
            return;
        }

        foreach (var attendee in record.Attendance.OrderBy(a => a.Id))
        {
            if (attendee.Present)
            {
                await DoneAsync(attendee.MemberId);
            }
            else if (!string.IsNullOrWhiteSpace(attendee.Reason))
            {
                await SqlCompletionLedger.InsertAsync(db, For(attendee.MemberId, CompletionStatus.Leave), origin, cancellationToken);
            }
        }
    }
}
