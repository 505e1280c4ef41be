using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.Ledger.Storage;
using PartyAffairs.Scheduler.Completion;
using StackExchange.Redis;

namespace PartyAffairs.Ledger.Completion;

/// <summary>
/// Brings an existing deployment's completions from Redis (<c>pa:done:*</c>, written by <see cref="RedisCompletionLedger"/>)
/// into the relational ledger, once: only while the ledger holds no completion at all, and idempotently (each row is
/// inserted with ON CONFLICT DO NOTHING, so a repeated or concurrent import adds nothing). The Redis keys are left as they
/// were (no longer read or written); docs/ledger.md says how to delete them once the import is checked.
/// </summary>
public sealed class RedisCompletionImport(IConnectionMultiplexer redis)
{
    private const string Pattern = "pa:done:*";


    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Runs the import as part of <paramref name="database"/>'s start-up, before anything else uses it; <paramref name="imported"/> hears what it wrote.</summary>
    public void AttachTo(LedgerDatabase database, Action<ImportOutcome>? imported = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.OnReady(async (context, ct) =>
        {
            if (await ImportIfEmptyAsync(context, ct) is { } outcome)
            {
                imported?.Invoke(outcome);
            }
        });
    }

    /// <summary>Imports when the ledger has no completions; what was found and written, or null when the ledger was not empty.</summary>
    internal async Task<ImportOutcome?> ImportIfEmptyAsync(LedgerDbContext context, CancellationToken cancellationToken)
    {
        if (await context.Completions.AnyAsync(cancellationToken) || await context.Occurrences.AnyAsync(cancellationToken))
        {
            return null;
        }

        var records = new List<CompletionRecord>();
        var occurrences = new List<(CompletionRecord Record, string Key)>();
        var skipped = 0;
        var db = redis.GetDatabase();
        // The host's connection is made in the background: a PING waits for it (up to the configured timeout, then throws).
        await db.PingAsync();

        var servers = redis.GetEndPoints().Select(e => redis.GetServer(e)).Where(s => !s.IsReplica).ToArray();
        if (servers.Length == 0 || servers.Any(s => !s.IsConnected))
        {
            // Not reading would mark the import done with nothing imported; the next use of the ledger tries again.
            throw new LedgerUnavailableException("The Redis store is not connected yet; the import of its completions waits for it.");
        }

        foreach (var server in servers)
        {
            await foreach (var key in server.KeysAsync(pattern: Pattern, pageSize: 500).WithCancellation(cancellationToken))
            {
                var parts = key.ToString().Split(':');
                var occurrenceHash = parts.Length == 7 && parts[5] == "n";
                if (parts.Length != 5 && !occurrenceHash)
                {
                    skipped++;
                    continue;
                }

                foreach (var entry in await db.HashGetAllAsync(key))
                {
                    if (Parse(entry.Value) is not { } record)
                    {
                        skipped++;
                    }
                    else if (occurrenceHash)
                    {
                        occurrences.Add((record, entry.Name.ToString()));
                    }
                    else
                    {
                        records.Add(record);
                    }
                }
            }
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var written = 0;
        foreach (var record in records)
        {
            written += await SqlCompletionLedger.InsertAsync(context, record, null, cancellationToken) ? 1 : 0;
        }

        foreach (var (record, key) in occurrences)
        {
            var status = record.Status.ToString();
            var at = record.RecordedAt.ToUniversalTime();
            var activity = record.SourceActivityId;
            written += await context.Database.ExecuteSqlAsync($"""
                INSERT INTO completion_occurrences (branch_id, subject_id, duty_kind, period_key, occurrence_key, status, recorded_at, source_activity_id, origin)
                VALUES ({record.BranchId}, {record.MemberId}, {record.DutyKind}, {record.PeriodKey}, {key}, {status}, {at}, {activity}, {null as string})
                ON CONFLICT (branch_id, subject_id, duty_kind, period_key, occurrence_key) DO NOTHING
                """, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(records.Count, occurrences.Count, written, skipped);
    }

    private static CompletionRecord? Parse(RedisValue value)
    {
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CompletionRecord>(value.ToString(), Json) is { BranchId.Length: > 0, MemberId.Length: > 0, DutyKind.Length: > 0, PeriodKey.Length: > 0 } record
                ? record
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
