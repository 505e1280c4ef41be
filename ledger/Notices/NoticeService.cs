using Microsoft.EntityFrameworkCore;
using PartyAffairs.Ledger.Storage;

namespace PartyAffairs.Ledger.Notices;

/// <summary>
/// The branch's notices as records: each notice with its addressees (recorded once, when its round is saved), the
/// delivery counts (送达/未绑定/失败, filled in when the round finishes) and the members' acknowledgements (收到, once per
/// notice and member). Nudges are not notices and are never recorded here.
/// </summary>
public sealed class NoticeService(LedgerDatabase database, TimeProvider time)
{
    /// <summary>Longest notice text kept.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Records a notice and its addressees; returns its number (the existing one when <see cref="NoticeDraft.Key"/> was recorded before).</summary>
    public async Task<long> RecordAsync(NoticeDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrEmpty(draft.Key);
        var text = draft.Text.Length > MaxTextLength ? draft.Text[..MaxTextLength] : draft.Text;
        return await database.WriteAsync(async (db, ct) =>
        {
            if (await db.Notices.Where(n => n.NoticeKey == draft.Key).Select(n => (long?)n.Id).FirstOrDefaultAsync(ct) is { } existing)
            {
                return existing;
            }

            var row = new NoticeRow
            {
                NoticeKey = draft.Key,
                BranchId = draft.BranchId,
                SenderId = draft.SenderId,
                SenderName = draft.SenderName,
                Text = text,
                SentAt = draft.SentAt.ToUniversalTime(),
                Recipients = draft.Addressees.DistinctBy(a => a.MemberId).Count(),
                RecipientRows = draft.Addressees.DistinctBy(a => a.MemberId, StringComparer.Ordinal)
                    .Select(a => new NoticeRecipientRow { MemberId = a.MemberId, Name = a.Name, Delivery = a.Delivery.ToString() })
                    .ToList(),
            };
            db.Notices.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return row.Id;
            }
            catch (DbUpdateException e) when (LedgerDatabase.IsUniqueViolation(e))
            {
                // Another process recorded the same round meanwhile (a resumed round).
                db.ChangeTracker.Clear();
                return await db.Notices.Where(n => n.NoticeKey == draft.Key).Select(n => n.Id).FirstAsync(ct);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Fills in how the round ended: each listed member's delivery, then the counts (送达, 未绑定, 失败 — addressees not
    /// delivered and not unbound count as failed). Repeating it with the same states changes nothing. False when there is no such notice.
    /// </summary>
    public async Task<bool> FinishAsync(string branchId, string key, IReadOnlyDictionary<string, NoticeDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var now = time.GetUtcNow().ToUniversalTime();
        return await database.WriteAsync(async (db, ct) =>
        {
            var row = await db.Notices.Include(n => n.RecipientRows).FirstOrDefaultAsync(n => n.NoticeKey == key && n.BranchId == branchId, ct);
            if (row is null)
            {
                return false;
            }

            foreach (var recipient in row.RecipientRows)
            {
                if (deliveries.TryGetValue(recipient.MemberId, out var delivery))
                {
                    recipient.Delivery = delivery.ToString();
                }
                else if (recipient.Delivery == nameof(NoticeDelivery.Pending))
                {
                    recipient.Delivery = nameof(NoticeDelivery.Failed);
                }
            }

            row.Delivered = row.RecipientRows.Count(r => r.Delivery == nameof(NoticeDelivery.Delivered));
            row.Unbound = row.RecipientRows.Count(r => r.Delivery == nameof(NoticeDelivery.Unbound));
            row.Failed = row.RecipientRows.Count - row.Delivered - row.Unbound;
            row.FinishedAt ??= now;
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>Records <paramref name="memberId"/>'s acknowledgement of notice <paramref name="noticeId"/>, once.</summary>
    public async Task<AcknowledgeStatus> AcknowledgeAsync(string branchId, long noticeId, string memberId, string? activityId, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow().ToUniversalTime();
        return await database.WriteAsync(async (db, ct) =>
        {
            if (!await db.Notices.AnyAsync(n => n.Id == noticeId && n.BranchId == branchId, ct))
            {
                return AcknowledgeStatus.NotFound;
            }

            if (!await db.NoticeRecipients.AnyAsync(r => r.NoticeId == noticeId && r.MemberId == memberId, ct))
            {
                return AcknowledgeStatus.NotAddressed;
            }

            var written = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO notice_acknowledgements (notice_id, member_id, acknowledged_at, source_activity_id)
                VALUES ({noticeId}, {memberId}, {at}, {activityId})
                ON CONFLICT (notice_id, member_id) DO NOTHING
                """, ct);
            return written == 1 ? AcknowledgeStatus.Recorded : AcknowledgeStatus.AlreadyAcknowledged;
        }, cancellationToken);
    }

    /// <summary>
    /// The latest notice sent to <paramref name="memberId"/> at or after <paramref name="since"/> that reached them (not
    /// unbound, not failed) and that they have not acknowledged; null when there is none.
    /// </summary>
    public Task<long?> PendingAsync(string branchId, string memberId, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.ReadAsync(async (db, ct) =>
        {
            var unbound = nameof(NoticeDelivery.Unbound);
            var failed = nameof(NoticeDelivery.Failed);
            var candidates = await (
                from r in db.NoticeRecipients
                join n in db.Notices on r.NoticeId equals n.Id
                where r.MemberId == memberId && n.BranchId == branchId && r.Delivery != unbound && r.Delivery != failed
                    && !db.NoticeAcknowledgements.Any(a => a.NoticeId == n.Id && a.MemberId == memberId)
                orderby n.Id descending
                select new { n.Id, n.SentAt }).Take(50).ToListAsync(ct);

            // Instants are compared here: SQLite keeps them as text.
            return candidates.Where(c => c.SentAt >= since).Select(c => (long?)c.Id).FirstOrDefault();
        }, cancellationToken);

    /// <summary>The notice with this number in the branch, or null.</summary>
    public async Task<NoticeSummary?> GetAsync(string branchId, long noticeId, CancellationToken cancellationToken) =>
        (await LoadAsync(branchId, q => q.Where(n => n.Id == noticeId), cancellationToken)) is [var found, ..] ? found : null;

    /// <summary>The branch's <paramref name="position"/>-th latest notice (1: the latest), or null.</summary>
    public async Task<NoticeSummary?> LatestAsync(string branchId, int position, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        return await LoadAsync(branchId, q => q.OrderByDescending(n => n.Id).Skip(position - 1).Take(1), cancellationToken) is [var found, ..] ? found : null;
    }

    /// <summary>The branch's notices sent in <paramref name="year"/> (in <paramref name="zone"/>), newest first.</summary>
    public async Task<IReadOnlyList<NoticeSummary>> ListAsync(string branchId, int year, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var all = await LoadAsync(branchId, q => q.OrderByDescending(n => n.Id), cancellationToken);
        return all.Where(n => TimeZoneInfo.ConvertTime(n.SentAt, zone).Year == year).ToArray();
    }

    private Task<IReadOnlyList<NoticeSummary>> LoadAsync(string branchId, Func<IQueryable<NoticeRow>, IQueryable<NoticeRow>> shape, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<NoticeSummary>>(async (db, ct) =>
        {
            var rows = await shape(db.Notices.Where(n => n.BranchId == branchId)).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return [];
            }

            var ids = rows.Select(r => r.Id).ToArray();
            var recipients = (await db.NoticeRecipients.Where(r => ids.Contains(r.NoticeId)).OrderBy(r => r.Id).ToListAsync(ct)).ToLookup(r => r.NoticeId);
            var acknowledgements = (await db.NoticeAcknowledgements.Where(a => ids.Contains(a.NoticeId)).ToListAsync(ct)).ToLookup(a => a.NoticeId);
            return rows.Select(r => new NoticeSummary
            {
                Id = r.Id,
                Key = r.NoticeKey,
                BranchId = r.BranchId,
                SenderId = r.SenderId,
                SenderName = r.SenderName,
                Text = r.Text,
                SentAt = r.SentAt,
                Recipients = r.Recipients,
                Delivered = r.Delivered,
                Unbound = r.Unbound,
                Failed = r.Failed,
                Addressees = recipients[r.Id].Select(a => new NoticeAddressee(a.MemberId, a.Name, Enum.TryParse<NoticeDelivery>(a.Delivery, out var d) ? d : NoticeDelivery.Pending)).ToArray(),
                Acknowledged = acknowledgements[r.Id].GroupBy(a => a.MemberId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().AcknowledgedAt, StringComparer.Ordinal),
            }).ToArray();
        }, cancellationToken);
}
