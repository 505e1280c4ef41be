using System.Text.Json;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace PartyAffairs.Scheduler.Completion;

/// <summary>
/// The completion ledger in Redis (or Garnet): one hash per branch, duty and period, field = member id,
/// value = the record as JSON. <c>HSETNX</c> makes a confirmation record once however often it arrives. Duties required
/// several times per period also keep one hash per subject of counted occurrences (field = occurrence key, the local date),
/// and get their record when the count reaches the requirement.
/// </summary>
public sealed class RedisCompletionLedger(IConnectionMultiplexer connection) : ICompletionLedger
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Readable Chinese for operators looking at the store; the JSON is never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The key of the hash holding one duty's records for one branch and period.</summary>
    public static RedisKey Key(string branchId, string dutyKind, string periodKey) => $"pa:done:{branchId}:{dutyKind}:{periodKey}";

    /// <summary>The key of the hash of one subject's counted occurrences of a duty in a period.</summary>
    public static RedisKey OccurrencesKey(string branchId, string dutyKind, string periodKey, string memberId) => $"pa:done:{branchId}:{dutyKind}:{periodKey}:n:{memberId}";

    /// <inheritdoc />
    public async Task<bool> RecordAsync(CompletionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        var value = JsonSerializer.Serialize(record, Json);
        return await Database.HashSetAsync(Key(record.BranchId, record.DutyKind, record.PeriodKey), record.MemberId, value, When.NotExists);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string branchId, string memberId, string dutyKind, string periodKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await Database.HashDeleteAsync(Key(branchId, dutyKind, periodKey), memberId);
    }

    /// <inheritdoc />
    public async Task<CompletionRecord?> GetAsync(string branchId, string memberId, string dutyKind, string periodKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await Database.HashGetAsync(Key(branchId, dutyKind, periodKey), memberId);
        return Parse(value);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, CompletionRecord>> GetForDutyAsync(string branchId, string dutyKind, string periodKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await Database.HashGetAllAsync(Key(branchId, dutyKind, periodKey));
        var result = new Dictionary<string, CompletionRecord>(entries.Length, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (Parse(entry.Value) is { } record)
            {
                result[entry.Name.ToString()] = record;
            }
        }

        return result;
    }

    /// <summary>Reads several members' records of several duties in one round trip (pipelined HGETs).</summary>
    public async Task<IReadOnlyList<CompletionRecord?>> GetManyAsync(IReadOnlyList<(string BranchId, string MemberId, string DutyKind, string PeriodKey)> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var db = Database;
        var pending = new Task<RedisValue>[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var (branchId, memberId, dutyKind, periodKey) = keys[i];
            pending[i] = db.HashGetAsync(Key(branchId, dutyKind, periodKey), memberId);
        }

        var values = await Task.WhenAll(pending);
        return values.Select(Parse).ToArray();
    }

    /// <inheritdoc />
    public async Task<OccurrenceOutcome> AddOccurrenceAsync(CompletionRecord record, string occurrenceKey, int required, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(occurrenceKey);
        cancellationToken.ThrowIfCancellationRequested();
        var db = Database;
        var key = OccurrencesKey(record.BranchId, record.DutyKind, record.PeriodKey, record.MemberId);
        var added = await db.HashSetAsync(key, occurrenceKey, JsonSerializer.Serialize(record, Json), When.NotExists);
        var count = (int)await db.HashLengthAsync(key);
        if (count >= required)
        {
            // Idempotent: every confirmation that sees the count reached writes the same record once.
            await db.HashSetAsync(Key(record.BranchId, record.DutyKind, record.PeriodKey), record.MemberId, JsonSerializer.Serialize(record, Json), When.NotExists);
        }

        return new OccurrenceOutcome(added, count, required);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveOccurrenceAsync(string branchId, string memberId, string dutyKind, string periodKey, string occurrenceKey, int required, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = Database;
        var key = OccurrencesKey(branchId, dutyKind, periodKey, memberId);
        if (!await db.HashDeleteAsync(key, occurrenceKey))
        {
            return false;
        }

        if (await db.HashLengthAsync(key) < required
            && Parse(await db.HashGetAsync(Key(branchId, dutyKind, periodKey), memberId)) is { Status: CompletionStatus.Done })
        {
            await db.HashDeleteAsync(Key(branchId, dutyKind, periodKey), memberId);
        }

        return true;
    }

    /// <inheritdoc />
    public async Task<int> CountAsync(string branchId, string memberId, string dutyKind, string periodKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return (int)await Database.HashLengthAsync(OccurrencesKey(branchId, dutyKind, periodKey, memberId));
    }

    private IDatabase Database => connection.GetDatabase();

    private static CompletionRecord? Parse(RedisValue value) =>
        value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<CompletionRecord>(value.ToString(), Json);
}
