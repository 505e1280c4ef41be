using Microsoft.EntityFrameworkCore;
using PartyAffairs.Ledger.Storage;
using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Ledger.Completion;

/// <summary>
/// The completion ledger in the relational store, with the semantics of the Redis ledger it replaces: a confirmation is
/// recorded once (<c>INSERT … ON CONFLICT DO NOTHING</c> on the unique subject key, so of parallel confirmations exactly
/// one wins); duties required several times per period count occurrences once per occurrence key and get their period
/// record when the count reaches the requirement. Each statement commits on its own, as each Redis command did: a count
/// always follows its own insert, so the last of parallel occurrences sees them all. Nothing expires.
/// </summary>
public sealed class SqlCompletionLedger(LedgerDatabase database) : ICompletionLedger
{
    /// <inheritdoc />
    public Task<bool> RecordAsync(CompletionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return database.WriteAsync((db, ct) => InsertAsync(db, record, null, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(string branchId, string memberId, string dutyKind, string periodKey, CancellationToken cancellationToken) =>
        database.WriteAsync(async (db, ct) => await db.Completions
            .Where(c => c.BranchId == branchId && c.SubjectId == memberId && c.DutyKind == dutyKind && c.PeriodKey == periodKey)
            .ExecuteDeleteAsync(ct) > 0, cancellationToken);

    /// <inheritdoc />
    public Task<CompletionRecord?> GetAsync(string branchId, string memberId, string dutyKind, string periodKey, CancellationToken cancellationToken) =>
        database.ReadAsync(async (db, ct) =>
        {
            var row = await db.Completions
                .FirstOrDefaultAsync(c => c.BranchId == branchId && c.SubjectId == memberId && c.DutyKind == dutyKind && c.PeriodKey == periodKey, ct);
            return row is null ? null : ToRecord(row);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, CompletionRecord>> GetForDutyAsync(string branchId, string dutyKind, string periodKey, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyDictionary<string, CompletionRecord>>(async (db, ct) =>
        {
            var rows = await db.Completions
                .Where(c => c.BranchId == branchId && c.DutyKind == dutyKind && c.PeriodKey == periodKey)
                .ToListAsync(ct);
            return rows.ToDictionary(r => r.SubjectId, ToRecord, StringComparer.Ordinal);
        }, cancellationToken);

    /// <summary>Several subjects' records of several duties in one query per branch; null where there is none.</summary>
    public Task<IReadOnlyList<CompletionRecord?>> GetManyAsync(IReadOnlyList<(string BranchId, string MemberId, string DutyKind, string PeriodKey)> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return database.ReadAsync<IReadOnlyList<CompletionRecord?>>(async (db, ct) =>
        {
            var found = new Dictionary<(string, string, string, string), CompletionRecord>();
            foreach (var branch in keys.GroupBy(k => k.BranchId, StringComparer.Ordinal))
            {
                var subjects = branch.Select(k => k.MemberId).Distinct().ToArray();
                var kinds = branch.Select(k => k.DutyKind).Distinct().ToArray();
                var periods = branch.Select(k => k.PeriodKey).Distinct().ToArray();
                var rows = await db.Completions
                    .Where(c => c.BranchId == branch.Key && subjects.Contains(c.SubjectId) && kinds.Contains(c.DutyKind) && periods.Contains(c.PeriodKey))
                    .ToListAsync(ct);
                foreach (var row in rows)
                {
                    found[(row.BranchId, row.SubjectId, row.DutyKind, row.PeriodKey)] = ToRecord(row);
                }
            }

            return keys.Select(k => found.TryGetValue(k, out var record) ? record : null).ToArray();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<OccurrenceOutcome> AddOccurrenceAsync(CompletionRecord record, string occurrenceKey, int required, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(occurrenceKey);
        return database.WriteAsync((db, ct) => AddOccurrenceAsync(db, record, occurrenceKey, required, null, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RemoveOccurrenceAsync(string branchId, string memberId, string dutyKind, string periodKey, string occurrenceKey, int required, CancellationToken cancellationToken) =>
        database.WriteAsync(async (db, ct) =>
        {
            var removed = await db.Occurrences
                .Where(o => o.BranchId == branchId && o.SubjectId == memberId && o.DutyKind == dutyKind && o.PeriodKey == periodKey && o.OccurrenceKey == occurrenceKey)
                .ExecuteDeleteAsync(ct);
            if (removed == 0)
            {
                return false;
            }

            if (await CountAsync(db, branchId, memberId, dutyKind, periodKey, ct) < required)
            {
                await db.Completions
                    .Where(c => c.BranchId == branchId && c.SubjectId == memberId && c.DutyKind == dutyKind && c.PeriodKey == periodKey && c.Status == Done)
                    .ExecuteDeleteAsync(ct);
            }

            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<int> CountAsync(string branchId, string memberId, string dutyKind, string periodKey, CancellationToken cancellationToken) =>
        database.ReadAsync((db, ct) => CountAsync(db, branchId, memberId, dutyKind, periodKey, ct), cancellationToken);

    private static readonly string Done = nameof(CompletionStatus.Done);

    /// <summary>Inserts a completion unless the subject has one for the duty and period; true when this call wrote it.</summary>
    internal static async Task<bool> InsertAsync(LedgerDbContext db, CompletionRecord record, string? origin, CancellationToken cancellationToken)
    {
        var status = record.Status.ToString();
        var at = record.RecordedAt.ToUniversalTime();
        var activity = record.SourceActivityId;
        var written = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO completions (branch_id, subject_id, duty_kind, period_key, status, recorded_at, source_activity_id, origin)
            VALUES ({record.BranchId}, {record.MemberId}, {record.DutyKind}, {record.PeriodKey}, {status}, {at}, {activity}, {origin})
            ON CONFLICT (branch_id, subject_id, duty_kind, period_key) DO NOTHING
            """, cancellationToken);
        return written == 1;
    }

    /// <summary>Counts an occurrence once per key and writes the period record when the count reaches <paramref name="required"/>.</summary>
    internal static async Task<OccurrenceOutcome> AddOccurrenceAsync(LedgerDbContext db, CompletionRecord record, string occurrenceKey, int required, string? origin, CancellationToken cancellationToken)
    {
        var status = record.Status.ToString();
        var at = record.RecordedAt.ToUniversalTime();
        var activity = record.SourceActivityId;
        var added = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO completion_occurrences (branch_id, subject_id, duty_kind, period_key, occurrence_key, status, recorded_at, source_activity_id, origin)
            VALUES ({record.BranchId}, {record.MemberId}, {record.DutyKind}, {record.PeriodKey}, {occurrenceKey}, {status}, {at}, {activity}, {origin})
            ON CONFLICT (branch_id, subject_id, duty_kind, period_key, occurrence_key) DO NOTHING
            """, cancellationToken) == 1;
        var count = await CountAsync(db, record.BranchId, record.MemberId, record.DutyKind, record.PeriodKey, cancellationToken);
        if (count >= required)
        {
            // Idempotent: every call that sees the count reached writes the same record once.
            await InsertAsync(db, record, origin, cancellationToken);
        }

        return new OccurrenceOutcome(added, count, required);
    }

    internal static Task<int> CountAsync(LedgerDbContext db, string branchId, string subjectId, string dutyKind, string periodKey, CancellationToken cancellationToken) =>
        db.Occurrences.CountAsync(o => o.BranchId == branchId && o.SubjectId == subjectId && o.DutyKind == dutyKind && o.PeriodKey == periodKey, cancellationToken);

    internal static CompletionRecord ToRecord(CompletionRow row) => new()
    {
        BranchId = row.BranchId,
        MemberId = row.SubjectId,
        DutyKind = row.DutyKind,
        PeriodKey = row.PeriodKey,
        Status = Enum.Parse<CompletionStatus>(row.Status),
        RecordedAt = row.RecordedAt,
        SourceActivityId = row.SourceActivityId,
    };
}
