using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Storage;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Ledger.Completion;

/// <summary>
/// 完成情况 for any past period (nothing expires): every member (or the branch, for branch duties) × every tracked duty ×
/// every period of a year that has begun, as done, leave or missing.
/// </summary>
public sealed class CompletionHistory(LedgerDatabase database, BranchScopes scopes)
{
    /// <summary>The branch's standings in <paramref name="year"/>; null when there is no such branch.</summary>
    public async Task<IReadOnlyList<DutyPeriodStatus>?> YearAsync(string branchId, int year, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(branchId, cancellationToken);
        return scope is null ? null : await YearAsync(scope, year, cancellationToken);
    }

    internal async Task<IReadOnlyList<DutyPeriodStatus>> YearAsync(BranchScope scope, int year, CancellationToken cancellationToken)
    {
        var prefix = year.ToString(CultureInfo.InvariantCulture);
        var branchId = scope.Branch.Id;
        var (completions, counts) = await database.ReadAsync(async (db, ct) =>
        {
            var rows = await db.Completions.Where(c => c.BranchId == branchId && c.PeriodKey.StartsWith(prefix))
                .Select(c => new { c.SubjectId, c.DutyKind, c.PeriodKey, c.Status, c.RecordedAt })
                .ToListAsync(ct);
            var occurrences = await db.Occurrences.Where(o => o.BranchId == branchId && o.PeriodKey.StartsWith(prefix))
                .GroupBy(o => new { o.SubjectId, o.DutyKind, o.PeriodKey })
                .Select(g => new { g.Key.SubjectId, g.Key.DutyKind, g.Key.PeriodKey, Count = g.Count() })
                .ToListAsync(ct);
            return (rows.ToDictionary(r => (r.SubjectId, r.DutyKind, r.PeriodKey), r => (r.Status, r.RecordedAt)),
                occurrences.ToDictionary(o => (o.SubjectId, o.DutyKind, o.PeriodKey), o => o.Count));
        }, cancellationToken);

        var result = new List<DutyPeriodStatus>();
        foreach (var duty in scope.Duties.All)
        {
            if (!DutyPeriod.TryGetUnit(duty.Period, out var unit))
            {
                continue;
            }

            var periods = Periods(unit, year, scope.Today);
            IEnumerable<(string Id, string Name, string Role)> subjects = duty.Audience == DutyAudience.Branch
                ? [(CompletionRecord.BranchSubject, LedgerTexts.BranchSubject, string.Empty)]
                : scope.Members.Where(m => duty.Roles.Count == 0 || duty.Roles.Contains(m.Role, StringComparer.Ordinal)).Select(m => (m.Id, m.Name, m.Role));
            foreach (var (id, name, role) in subjects)
            {
                foreach (var period in periods)
                {
                    var key = (id, duty.Kind, period.Key);
                    var found = completions.TryGetValue(key, out var row);
                    result.Add(new DutyPeriodStatus
                    {
                        SubjectId = id,
                        Name = name,
                        Role = role,
                        DutyKind = duty.Kind,
                        DutyTitle = duty.Title,
                        PeriodKey = period.Key,
                        State = !found ? PeriodState.Missing : row.Status == nameof(CompletionStatus.Leave) ? PeriodState.Leave : PeriodState.Done,
                        Count = counts.TryGetValue(key, out var count) ? count : 0,
                        Required = duty.Count,
                        RecordedAt = found ? row.RecordedAt : null,
                    });
                }
            }
        }

        return result;
    }

    /// <summary>The periods of <paramref name="unit"/> whose key belongs to <paramref name="year"/> and that have begun by <paramref name="today"/>.</summary>
    internal static IReadOnlyList<DutyPeriod> Periods(PeriodUnit unit, int year, DateOnly today)
    {
        var prefix = year.ToString(CultureInfo.InvariantCulture);
        var result = new List<DutyPeriod>();
        for (var period = DutyPeriod.Containing(unit, new DateOnly(year, 1, 1)); period.Start.Year <= year && period.Start <= today; period = period.Next())
        {
            if (period.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                result.Add(period);
            }
        }

        return result;
    }
}
