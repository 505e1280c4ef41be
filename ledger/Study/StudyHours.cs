using Microsoft.EntityFrameworkCore;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Completion;
using PartyAffairs.Ledger.Storage;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Ledger.Study;

/// <summary>
/// Study hours of a year: the hours of every record a member attended plus their own entries. When a member's total
/// reaches the quota, the 学时 duty's completion is written for the year (origin <c>study-hours</c>), and retracted when
/// a correction takes the total below it again; a confirmation the member made in chat stays as it is.
/// </summary>
internal static class StudyHours
{
    /// <summary>The scheduler's tracked kind for the yearly study-hour quota.</summary>
    public const string DutyKind = "学时";

    /// <summary>Every member's sources in <paramref name="year"/>, by member id.</summary>
    public static async Task<Dictionary<string, List<StudySource>>> SourcesAsync(LedgerDbContext db, string branchId, int year, IReadOnlyCollection<string>? memberIds, CancellationToken cancellationToken)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var attendedQuery = db.Attendance
            .Join(db.Records, a => a.RecordId, r => r.Id, (a, r) => new { a.MemberId, a.Present, r.BranchId, r.Date, r.Hours, r.Kind, r.Topic, r.Id })
            .Where(x => x.BranchId == branchId && x.Present && x.Hours != null && x.Date >= from && x.Date < to);
        var entriesQuery = db.StudyEntries.Where(s => s.BranchId == branchId && s.Date >= from && s.Date < to);
        if (memberIds is not null)
        {
            var ids = memberIds.ToArray();
            attendedQuery = attendedQuery.Where(x => ids.Contains(x.MemberId));
            entriesQuery = entriesQuery.Where(s => ids.Contains(s.MemberId));
        }

        var attended = await attendedQuery.ToListAsync(cancellationToken);
        var entries = await entriesQuery.ToListAsync(cancellationToken);

        var result = new Dictionary<string, List<StudySource>>(StringComparer.Ordinal);
        foreach (var a in attended.Where(a => a.Hours > 0))
        {
            Sources(result, a.MemberId).Add(new StudySource(a.Date, Numbers.Normalize(a.Hours!.Value), a.Kind, a.Topic, a.Id, null));
        }

        foreach (var e in entries)
        {
            Sources(result, e.MemberId).Add(new StudySource(e.Date, Numbers.Normalize(e.Hours), StudySource.SelfStudy, e.Topic, null, e.Id));
        }

        foreach (var list in result.Values)
        {
            list.Sort(Compare);
        }

        return result;
    }

    /// <summary>Every member's sources in the year of <paramref name="records"/> (already loaded) and <paramref name="entries"/>, by member id.</summary>
    public static Dictionary<string, List<StudySource>> Sources(IEnumerable<Records.MeetingRecord> records, IEnumerable<StudyEntryRow> entries)
    {
        var result = new Dictionary<string, List<StudySource>>(StringComparer.Ordinal);
        foreach (var record in records.Where(r => r.Hours > 0))
        {
            foreach (var attendee in record.Present)
            {
                Sources(result, attendee.MemberId).Add(new StudySource(record.Date, record.Hours!.Value, record.Kind, record.Topic, record.Id, null));
            }
        }

        foreach (var e in entries)
        {
            Sources(result, e.MemberId).Add(new StudySource(e.Date, Numbers.Normalize(e.Hours), StudySource.SelfStudy, e.Topic, null, e.Id));
        }

        foreach (var list in result.Values)
        {
            list.Sort(Compare);
        }

        return result;
    }

    /// <summary>Writes or retracts the 学时 completion of <paramref name="memberIds"/> for <paramref name="year"/>.</summary>
    public static async Task SyncAsync(LedgerDbContext db, BranchScope scope, StudyQuotaResolver quotas, IReadOnlyCollection<string> memberIds, int year, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (memberIds.Count == 0 || scope.Duties.Find(DutyKind) is not { } duty || !DutyPeriod.TryGetUnit(duty.Period, out var unit))
        {
            return;
        }

        var sources = await SourcesAsync(db, scope.Branch.Id, year, memberIds, cancellationToken);
        foreach (var memberId in memberIds)
        {
            var member = scope.Member(memberId);
            var total = sources.TryGetValue(memberId, out var list) ? list.Sum(s => s.Hours) : 0;
            var quota = quotas.For(member?.Role, scope.BindingDocuments).Hours;
            // A yearly quota: the year's period (the catalog may count it otherwise; the period holding 31 December).
            var period = DutyPeriod.Containing(unit, new DateOnly(year, 12, 31)).Key;
            if (total >= quota)
            {
                await SqlCompletionLedger.InsertAsync(db, new CompletionRecord
                {
                    BranchId = scope.Branch.Id, MemberId = memberId, DutyKind = duty.Kind, PeriodKey = period, RecordedAt = now,
                }, Origins.StudyHours, cancellationToken);
            }
            else
            {
                await db.Completions
                    .Where(c => c.BranchId == scope.Branch.Id && c.SubjectId == memberId && c.DutyKind == duty.Kind && c.PeriodKey == period && c.Origin == Origins.StudyHours)
                    .ExecuteDeleteAsync(cancellationToken);
            }
        }
    }

    private static int Compare(StudySource x, StudySource y) =>
        x.Date != y.Date ? x.Date.CompareTo(y.Date) : (x.RecordId ?? x.EntryId ?? 0).CompareTo(y.RecordId ?? y.EntryId ?? 0);

    private static List<StudySource> Sources(Dictionary<string, List<StudySource>> map, string memberId)
    {
        if (!map.TryGetValue(memberId, out var list))
        {
            list = [];
            map[memberId] = list;
        }

        return list;
    }
}
