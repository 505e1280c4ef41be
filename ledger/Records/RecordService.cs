using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Roster;
using PartyAffairs.Ledger.Storage;
using PartyAffairs.Ledger.Study;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Ledger.Records;

/// <summary>
/// Meeting and activity records (三会一课, 主题党日, 组织生活会 …): created, corrected and deleted with an audit trail,
/// each change applied to the completions it implies (attendance, leave, the branch's meeting held, study hours) in the
/// same transaction. Chat commands call these methods as they are.
/// </summary>
public sealed class RecordService(LedgerDatabase database, BranchScopes scopes, StudyQuotaResolver quotas, TimeProvider time)
{
    private const int MaxPeople = 1000;

    /// <summary>Records a meeting or activity; refused with every problem named when the input is invalid.</summary>
    public async Task<RecordOutcome> CreateAsync(string branchId, RecordInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        if (await scopes.GetAsync(branchId, cancellationToken) is not { } scope)
        {
            return RecordOutcome.NoBranch;
        }

        var (draft, errors) = Validate(scope, input);
        if (draft is null)
        {
            return RecordOutcome.Invalid(errors);
        }

        var now = time.GetUtcNow().ToUniversalTime();
        var saved = await database.WriteAsync(async (db, ct) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = new MeetingRecordRow { BranchId = branchId, Kind = draft.Kind, CreatedBy = actor, CreatedAt = now };
            draft.ApplyTo(row);
            db.Records.Add(row);
            await db.SaveChangesAsync(ct);
            db.Audit.Add(new RecordAuditRow { RecordId = row.Id, BranchId = branchId, Action = "created", Actor = actor, At = now, After = RecordSnapshot.Of(row).Write() });
            await db.SaveChangesAsync(ct);
            await AfterChangeAsync(db, scope, null, row, now, ct);
            await transaction.CommitAsync(ct);
            return row;
        }, cancellationToken);
        return RecordOutcome.Saved(View(saved));
    }

    /// <summary>The problems <paramref name="input"/> has (empty when it could be saved), without saving anything (none when there is no such branch).</summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(string branchId, RecordInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await scopes.GetAsync(branchId, cancellationToken) is { } scope ? Validate(scope, input).Errors : [];
    }

    /// <summary>Replaces a record's content (audited: before and after are kept); its completions follow.</summary>
    public async Task<RecordOutcome> UpdateAsync(string branchId, long recordId, RecordInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        if (await scopes.GetAsync(branchId, cancellationToken) is not { } scope)
        {
            return RecordOutcome.NoBranch;
        }

        var (draft, errors) = Validate(scope, input);
        var now = time.GetUtcNow().ToUniversalTime();
        return await database.WriteAsync(async (db, ct) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = await LoadAsync(db, branchId, recordId, ct);
            if (row is null)
            {
                return RecordOutcome.NoRecord;
            }

            if (draft is null)
            {
                return RecordOutcome.Invalid(errors);
            }

            var before = RecordSnapshot.Of(row);
            var old = (row.Kind, row.Date, Members: row.Attendance.Select(a => a.MemberId).ToArray());
            draft.ApplyTo(row);
            var after = RecordSnapshot.Of(row);
            if (RecordSnapshot.Diff(before, after).Count == 0)
            {
                return RecordOutcome.Saved(View(row));
            }

            row.UpdatedBy = actor;
            row.UpdatedAt = now;
            db.Audit.Add(new RecordAuditRow { RecordId = row.Id, BranchId = branchId, Action = "updated", Actor = actor, At = now, Before = before.Write(), After = after.Write() });
            await db.SaveChangesAsync(ct);
            await AfterChangeAsync(db, scope, old, row, now, ct);
            await transaction.CommitAsync(ct);
            return RecordOutcome.Saved(View(row));
        }, cancellationToken);
    }

    /// <summary>Deletes a record (audited: its content is kept in the trail); the completions it supported are retracted.</summary>
    public async Task<RecordOutcome> DeleteAsync(string branchId, long recordId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        if (await scopes.GetAsync(branchId, cancellationToken) is not { } scope)
        {
            return RecordOutcome.NoBranch;
        }

        var now = time.GetUtcNow().ToUniversalTime();
        return await database.WriteAsync(async (db, ct) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = await LoadAsync(db, branchId, recordId, ct);
            if (row is null)
            {
                return RecordOutcome.NoRecord;
            }

            var old = (row.Kind, row.Date, Members: row.Attendance.Select(a => a.MemberId).ToArray());
            db.Audit.Add(new RecordAuditRow { RecordId = row.Id, BranchId = branchId, Action = "deleted", Actor = actor, At = now, Before = RecordSnapshot.Of(row).Write() });
            db.Records.Remove(row);
            await db.SaveChangesAsync(ct);
            await AfterChangeAsync(db, scope, old, null, now, ct);
            await transaction.CommitAsync(ct);
            return RecordOutcome.Saved(null);
        }, cancellationToken);
    }

    /// <summary>
    /// A member confirms their own attendance (chat: “我参加了 12月3日 党员大会”): added as present, or changed from absent
    /// to present, audited with the member as actor. Saved with the record unchanged when they were already recorded present.
    /// </summary>
    public async Task<RecordOutcome> ConfirmAttendanceAsync(string branchId, long recordId, string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        if (await scopes.GetAsync(branchId, cancellationToken) is not { } scope)
        {
            return RecordOutcome.NoBranch;
        }

        if (scope.Member(memberId) is not { } member)
        {
            return RecordOutcome.NoMember;
        }

        var now = time.GetUtcNow().ToUniversalTime();
        return await database.WriteAsync(async (db, ct) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = await LoadAsync(db, branchId, recordId, ct);
            if (row is null)
            {
                return RecordOutcome.NoRecord;
            }

            var before = RecordSnapshot.Of(row);
            var old = (row.Kind, row.Date, Members: row.Attendance.Select(a => a.MemberId).ToArray());
            var entry = row.Attendance.FirstOrDefault(a => a.MemberId == memberId);
            if (entry is { Present: true })
            {
                entry.ConfirmedAt ??= now;
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return RecordOutcome.Saved(View(row));
            }

            if (entry is null)
            {
                entry = new AttendanceRow { MemberId = memberId, Name = member.Name };
                row.Attendance.Add(entry);
            }

            (entry.Present, entry.Reason, entry.ConfirmedAt) = (true, null, now);
            db.Audit.Add(new RecordAuditRow { RecordId = row.Id, BranchId = branchId, Action = "confirmed", Actor = memberId, At = now, Before = before.Write(), After = RecordSnapshot.Of(row).Write() });
            await db.SaveChangesAsync(ct);
            await AfterChangeAsync(db, scope, old, row, now, ct);
            await transaction.CommitAsync(ct);
            return RecordOutcome.Saved(View(row));
        }, cancellationToken);
    }

    /// <summary>The branch's records dated in <paramref name="year"/>, oldest first; null when there is no such branch.</summary>
    public async Task<IReadOnlyList<MeetingRecord>?> ListAsync(string branchId, int year, CancellationToken cancellationToken)
    {
        if (await scopes.GetAsync(branchId, cancellationToken) is null)
        {
            return null;
        }

        return await ListStoredAsync(branchId, year, cancellationToken);
    }

    /// <summary>The records dated in <paramref name="year"/>, without checking the roster (the export has checked it).</summary>
    internal Task<IReadOnlyList<MeetingRecord>> ListStoredAsync(string branchId, int year, CancellationToken cancellationToken)
    {
        var (first, end) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        return database.ReadAsync<IReadOnlyList<MeetingRecord>>(async (db, ct) =>
        {
            // Two flat queries instead of Include: a branch's year is ~150 records and ~30,000 attendance rows.
            var rows = await db.Records
                .Where(r => r.BranchId == branchId && r.Date >= first && r.Date < end)
                .OrderBy(r => r.Date).ThenBy(r => r.Id)
                .ToListAsync(ct);
            var attendance = (await (from a in db.Attendance
                                     join r in db.Records on a.RecordId equals r.Id
                                     where r.BranchId == branchId && r.Date >= first && r.Date < end
                                     select new { a.Id, a.RecordId, a.MemberId, a.Name, a.Present, a.Reason, a.ConfirmedAt }).ToListAsync(ct))
                .ToLookup(a => a.RecordId, a => new AttendanceRow { Id = a.Id, RecordId = a.RecordId, MemberId = a.MemberId, Name = a.Name, Present = a.Present, Reason = a.Reason, ConfirmedAt = a.ConfirmedAt });
            foreach (var row in rows)
            {
                row.Attendance = [.. attendance[row.Id]];
            }

            return rows.Select(View).ToArray();
        }, cancellationToken);
    }

    /// <summary>One record, or null.</summary>
    public Task<MeetingRecord?> GetAsync(string branchId, long recordId, CancellationToken cancellationToken) =>
        database.ReadAsync(async (db, ct) => await LoadAsync(db, branchId, recordId, ct) is { } row ? View(row) : null, cancellationToken);

    /// <summary>A record's audit trail, oldest first (also after it was deleted); null when it never existed in the branch.</summary>
    public Task<IReadOnlyList<RecordChange>?> HistoryAsync(string branchId, long recordId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<RecordChange>?>(async (db, ct) =>
        {
            var rows = await db.Audit.Where(a => a.BranchId == branchId && a.RecordId == recordId).OrderBy(a => a.Id).ToListAsync(ct);
            return rows.Count == 0
                ? null
                : rows.Select(a => new RecordChange
                {
                    Action = a.Action,
                    Actor = a.Actor,
                    At = a.At,
                    Changes = RecordSnapshot.Diff(RecordSnapshot.Read(a.Before), RecordSnapshot.Read(a.After)),
                }).ToArray();
        }, cancellationToken);

    private async Task AfterChangeAsync(LedgerDbContext db, BranchScope scope, (string Kind, DateOnly Date, string[] Members)? old, MeetingRecordRow? current, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var targets = new List<(Scheduler.Duties.TrackedDuty Duty, DutyPeriod Period)>();
        if (old is { } o && RecordCompletions.Target(scope.Duties, o.Kind, o.Date) is { } before)
        {
            targets.Add(before);
        }

        if (current is not null && RecordCompletions.Target(scope.Duties, current.Kind, current.Date) is { } after
            && !targets.Any(t => t.Duty.Kind == after.Duty.Kind && t.Period == after.Period))
        {
            targets.Add(after);
        }

        foreach (var (duty, period) in targets)
        {
            await RecordCompletions.RebuildAsync(db, scope.Branch.Id, scope.Duties, duty, period, now, cancellationToken);
        }

        // Hours accrue to attendees: the years of the old and new dates, for everyone on either list.
        var members = (old?.Members ?? []).Concat(current?.Attendance.Select(a => a.MemberId) ?? []).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var year in new[] { old?.Date.Year, current?.Date.Year }.OfType<int>().Distinct())
        {
            await StudyHours.SyncAsync(db, scope, quotas, members, year, now, cancellationToken);
        }
    }

    private static Task<MeetingRecordRow?> LoadAsync(LedgerDbContext db, string branchId, long recordId, CancellationToken cancellationToken) =>
        db.Records.Include(r => r.Attendance).FirstOrDefaultAsync(r => r.Id == recordId && r.BranchId == branchId, cancellationToken);

    private static MeetingRecord View(MeetingRecordRow row) => new()
    {
        Id = row.Id,
        BranchId = row.BranchId,
        Kind = row.Kind,
        Date = row.Date,
        Topic = row.Topic,
        Speaker = row.Speaker,
        Hours = row.Hours is { } hours ? Numbers.Normalize(hours) : null,
        Notes = row.Notes,
        Attendance = row.Attendance.OrderBy(a => a.Present ? 0 : 1).ThenBy(a => a.Id)
            .Select(a => new RecordAttendee(a.MemberId, a.Name, a.Present, a.Reason, a.ConfirmedAt)).ToArray(),
        CreatedBy = row.CreatedBy,
        CreatedAt = row.CreatedAt,
        UpdatedBy = row.UpdatedBy,
        UpdatedAt = row.UpdatedAt,
    };

    private static (RecordDraft? Draft, IReadOnlyList<string> Errors) Validate(BranchScope scope, RecordInput input)
    {
        var errors = new List<string>();
        string? kind = null;
        if (string.IsNullOrWhiteSpace(input.Kind))
        {
            errors.Add(LedgerTexts.KindMissing);
        }
        else if ((kind = RecordKinds.Normalize(input.Kind)) is null)
        {
            errors.Add(LedgerTexts.KindUnknown(input.Kind.Trim()));
        }

        DateOnly? date = null;
        if (string.IsNullOrWhiteSpace(input.Date))
        {
            errors.Add(LedgerTexts.DateMissing);
        }
        else if (!DateOnly.TryParseExact(input.Date.Trim(), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            errors.Add(LedgerTexts.DateInvalid(input.Date.Trim()));
        }
        else if (parsed > scope.Today)
        {
            errors.Add(LedgerTexts.DateInFuture(parsed, scope.Today));
        }
        else if (parsed < scope.EarliestRecordDate)
        {
            errors.Add(LedgerTexts.DateBeforeBranch(parsed, scope.EarliestRecordDate));
        }
        else
        {
            date = parsed;
        }

        var topic = Clean(input.Topic);
        var speaker = Clean(input.Speaker);
        var notes = input.Notes?.Trim() is { Length: > 0 } n ? n : null;
        if (topic?.Length > 200)
        {
            errors.Add(LedgerTexts.TopicTooLong);
        }

        if (speaker?.Length > 50)
        {
            errors.Add(LedgerTexts.SpeakerTooLong);
        }

        if (notes?.Length > 2000)
        {
            errors.Add(LedgerTexts.NotesTooLong);
        }

        if (input.Hours is { } hours && (hours < 0 || hours > 100 || decimal.Round(hours, 2) != hours))
        {
            errors.Add(LedgerTexts.HoursInvalid);
        }

        var attendees = input.Attendees ?? [];
        var absent = input.Absent ?? [];
        var present = new List<Roster.RosterMember>();
        var away = new List<(Roster.RosterMember Member, string? Reason)>();
        if (attendees.Count + absent.Count > MaxPeople)
        {
            errors.Add(LedgerTexts.TooManyPeople);
        }
        else
        {
            foreach (var name in attendees)
            {
                if (Resolve(scope, name, errors) is { } member && !present.Contains(member))
                {
                    present.Add(member);
                }
            }

            foreach (var absence in absent)
            {
                if (absence is null || string.IsNullOrWhiteSpace(absence.Name))
                {
                    errors.Add(LedgerTexts.AbsentNameMissing);
                    continue;
                }

                var reason = Clean(absence.Reason);
                if (reason?.Length > 100)
                {
                    errors.Add(LedgerTexts.ReasonTooLong(absence.Name.Trim()));
                }

                if (Resolve(scope, absence.Name, errors) is not { } member)
                {
                    continue;
                }

                if (present.Contains(member))
                {
                    errors.Add(LedgerTexts.BothPresentAndAbsent(member.Name));
                }
                else if (away.All(a => a.Member != member))
                {
                    away.Add((member, reason));
                }
            }
        }

        return errors.Count > 0 || kind is null || date is null
            ? (null, errors)
            : (new RecordDraft(kind, date.Value, topic, speaker, input.Hours, notes, present, away), errors);
    }

    private static Roster.RosterMember? Resolve(BranchScope scope, string? nameOrId, List<string> errors)
    {
        var text = nameOrId?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return null;
        }

        if (scope.Member(text) is { } byId)
        {
            return byId;
        }

        var matches = scope.Members.Where(m => m.Name == text).Take(2).ToArray();
        switch (matches.Length)
        {
            case 1:
                return matches[0];
            case 0:
                var message = LedgerTexts.UnknownPerson(text);
                if (!errors.Contains(message))
                {
                    errors.Add(message);
                }

                return null;
            default:
                errors.Add(LedgerTexts.AmbiguousPerson(text));
                return null;
        }
    }

    private static string? Clean(string? text) => text?.Trim() is { Length: > 0 } value ? value : null;

    private sealed record RecordDraft(string Kind, DateOnly Date, string? Topic, string? Speaker, decimal? Hours, string? Notes,
        IReadOnlyList<Roster.RosterMember> Present, IReadOnlyList<(Roster.RosterMember Member, string? Reason)> Absent)
    {
        /// <summary>Writes the content onto a row, keeping the attendance rows (and self-confirmations) of members still listed.</summary>
        public void ApplyTo(MeetingRecordRow row)
        {
            (row.Kind, row.Date, row.Topic, row.Speaker, row.Hours, row.Notes) = (Kind, Date, Topic, Speaker, Hours, Notes);
            var wanted = Present.Select(m => (Member: m, Present: true, Reason: (string?)null))
                .Concat(Absent.Select(a => (a.Member, Present: false, a.Reason)))
                .ToArray();
            row.Attendance.RemoveAll(a => wanted.All(w => w.Member.Id != a.MemberId));
            foreach (var (member, present, reason) in wanted)
            {
                var entry = row.Attendance.FirstOrDefault(a => a.MemberId == member.Id);
                if (entry is null)
                {
                    row.Attendance.Add(new AttendanceRow { MemberId = member.Id, Name = member.Name, Present = present, Reason = reason });
                }
                else
                {
                    if (entry.Present != present)
                    {
                        entry.ConfirmedAt = null;
                    }

                    (entry.Present, entry.Reason) = (present, reason);
                }
            }
        }
    }
}
