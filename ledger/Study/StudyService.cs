using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Records;
using PartyAffairs.Ledger.Storage;

namespace PartyAffairs.Ledger.Study;

/// <summary>
/// Study hours: members' own entries, and per member and year the total (records attended plus own study), the quota of
/// their role with its clause, and the sources (“我的学时”: 已完成 12/32 学时（依据…）).
/// </summary>
public sealed class StudyService(LedgerDatabase database, BranchScopes scopes, StudyQuotaResolver quotas, TimeProvider time)
{
    /// <summary>Adds a member's own study entry.</summary>
    public async Task<StudyOutcome> AddAsync(string branchId, string memberId, StudyEntryInput input, string actor, string? activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        if (await scopes.GetAsync(branchId, cancellationToken) is not { } scope)
        {
            return new StudyOutcome(RecordStatus.BranchNotFound, null, null, []);
        }

        if (scope.Member(memberId) is null)
        {
            return new StudyOutcome(RecordStatus.MemberNotFound, null, null, []);
        }

        var errors = new List<string>();
        if (input.Hours <= 0 || input.Hours > 24 || decimal.Round(input.Hours, 2) != input.Hours)
        {
            errors.Add(LedgerTexts.StudyHoursInvalid);
        }

        var topic = input.Topic?.Trim();
        if (string.IsNullOrEmpty(topic))
        {
            errors.Add(LedgerTexts.StudyTopicMissing);
        }
        else if (topic.Length > 200)
        {
            errors.Add(LedgerTexts.StudyTopicTooLong);
        }

        var date = scope.Today;
        if (input.Date is { Length: > 0 } text)
        {
            if (!DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                errors.Add(LedgerTexts.DateInvalid(text.Trim()));
            }
            else if (date > scope.Today)
            {
                errors.Add(LedgerTexts.StudyDateInFuture(date, scope.Today));
            }
        }

        if (errors.Count > 0)
        {
            return new StudyOutcome(RecordStatus.Invalid, null, null, errors);
        }

        var now = time.GetUtcNow().ToUniversalTime();
        var id = await database.WriteAsync(async (db, ct) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = new StudyEntryRow { BranchId = branchId, MemberId = memberId, Date = date, Hours = input.Hours, Topic = topic!, RecordedBy = actor, RecordedAt = now, SourceActivityId = activityId };
            db.StudyEntries.Add(row);
            await db.SaveChangesAsync(ct);
            await StudyHours.SyncAsync(db, scope, quotas, [memberId], date.Year, now, ct);
            await transaction.CommitAsync(ct);
            return row.Id;
        }, cancellationToken);
        return new StudyOutcome(RecordStatus.Saved, id, await SummaryAsync(scope, memberId, date.Year, cancellationToken), []);
    }

    /// <summary>Removes a member's own study entry (undo).</summary>
    public async Task<StudyOutcome> RemoveAsync(string branchId, string memberId, long entryId, CancellationToken cancellationToken)
    {
        if (await scopes.GetAsync(branchId, cancellationToken) is not { } scope)
        {
            return new StudyOutcome(RecordStatus.BranchNotFound, null, null, []);
        }

        var now = time.GetUtcNow().ToUniversalTime();
        var year = await database.WriteAsync(async (db, ct) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = await db.StudyEntries.FirstOrDefaultAsync(s => s.Id == entryId && s.BranchId == branchId && s.MemberId == memberId, ct);
            if (row is null)
            {
                return (int?)null;
            }

            db.StudyEntries.Remove(row);
            await db.SaveChangesAsync(ct);
            await StudyHours.SyncAsync(db, scope, quotas, [memberId], row.Date.Year, now, ct);
            await transaction.CommitAsync(ct);
            return row.Date.Year;
        }, cancellationToken);
        return year is { } y
            ? new StudyOutcome(RecordStatus.Saved, entryId, await SummaryAsync(scope, memberId, y, cancellationToken), [])
            : new StudyOutcome(RecordStatus.RecordNotFound, null, null, []);
    }

    /// <summary>A member's hours in <paramref name="year"/> against their role's quota; null when the branch or member does not exist.</summary>
    public async Task<StudySummary?> SummaryAsync(string branchId, string memberId, int year, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(branchId, cancellationToken);
        return scope?.Member(memberId) is null ? null : await SummaryAsync(scope, memberId, year, cancellationToken);
    }

    /// <summary>Every member's hours in <paramref name="year"/>, in roster order; null when the branch does not exist.</summary>
    public async Task<IReadOnlyList<StudySummary>?> SummariesAsync(string branchId, int year, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(branchId, cancellationToken);
        return scope is null ? null : await SummariesAsync(scope, year, cancellationToken);
    }

    internal async Task<IReadOnlyList<StudySummary>> SummariesAsync(BranchScope scope, int year, CancellationToken cancellationToken)
    {
        var sources = await database.ReadAsync((db, ct) => StudyHours.SourcesAsync(db, scope.Branch.Id, year, null, ct), cancellationToken);
        return scope.Members.Select(m => Summary(scope, m, year, sources.TryGetValue(m.Id, out var list) ? list : [])).ToArray();
    }

    /// <summary>Every member's hours in <paramref name="year"/> from records already loaded (the workbook) and the year's own entries.</summary>
    internal async Task<IReadOnlyList<StudySummary>> SummariesAsync(BranchScope scope, int year, IReadOnlyList<MeetingRecord> records, CancellationToken cancellationToken)
    {
        var (from, to, branchId) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1), scope.Branch.Id);
        var entries = await database.ReadAsync(async (db, ct) => await db.StudyEntries.Where(s => s.BranchId == branchId && s.Date >= from && s.Date < to).ToListAsync(ct), cancellationToken);
        var sources = StudyHours.Sources(records, entries);
        return scope.Members.Select(m => Summary(scope, m, year, sources.TryGetValue(m.Id, out var list) ? list : [])).ToArray();
    }

    private async Task<StudySummary> SummaryAsync(BranchScope scope, string memberId, int year, CancellationToken cancellationToken)
    {
        var sources = await database.ReadAsync((db, ct) => StudyHours.SourcesAsync(db, scope.Branch.Id, year, [memberId], ct), cancellationToken);
        return Summary(scope, scope.Member(memberId)!, year, sources.TryGetValue(memberId, out var list) ? list : []);
    }

    private StudySummary Summary(BranchScope scope, Roster.RosterMember member, int year, IReadOnlyList<StudySource> sources) => new()
    {
        MemberId = member.Id,
        Name = member.Name,
        Role = member.Role,
        Year = year,
        Hours = sources.Sum(s => s.Hours),
        Quota = quotas.For(member.Role, scope.BindingDocuments),
        Sources = sources,
    };
}
