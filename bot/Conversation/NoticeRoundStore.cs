using PartyAffairs.Bot.State;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Conversation;

/// <summary>
/// Notice rounds in the store (plain commands, no scripts): the round as JSON, the set of unfinished rounds, a lease
/// naming the process running a round, and one hash field per member (and group robot, record and report) that moves
/// sending → sent | failed. HSETNX claims a member before the platform call, so no member is sent twice; a field still
/// <c>sending</c> after a crash is counted as failed (at most once).
/// </summary>
internal sealed class NoticeRoundStore(IConnectionMultiplexer connection)
{
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>This process's name in leases.</summary>
    public string Instance { get; } = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..12];

    private IDatabase Db => connection.GetDatabase();

    public static string MemberField(string memberId) => "m:" + memberId;

    /// <summary>The prefix of group robot fields (<see cref="GroupField"/>).</summary>
    public const string GroupPrefix = "g:";

    public static string GroupField(string channelId) => GroupPrefix + channelId;

    public const string RecordField = "_record";

    public const string ReportField = "_report";

    /// <summary>Writes the round and its lease (held by this process), then lists it as unfinished; throws when the store fails.</summary>
    public async Task SaveAsync(StoredNoticeRound round, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        cancellationToken.ThrowIfCancellationRequested();
        var db = Db;
        var write = db.StringSetAsync(StoreKeys.NoticeRound(round.Id), StoreJson.Write(round));
        var own = db.StringSetAsync(StoreKeys.NoticeRoundLease(round.Id), Instance, lease);
        var list = db.SetAddAsync(StoreKeys.NoticeRoundsPending, round.Id);
        await Task.WhenAll(write, own, list);
    }

    public async Task<IReadOnlyList<string>> PendingAsync() =>
        (await Db.SetMembersAsync(StoreKeys.NoticeRoundsPending)).Select(v => v.ToString()).ToArray();

    public async Task<StoredNoticeRound?> LoadAsync(string roundId) => StoreJson.Read<StoredNoticeRound>(await Db.StringGetAsync(StoreKeys.NoticeRound(roundId)));

    /// <summary>Takes the lease of a round nobody runs (SET NX PX).</summary>
    public Task<bool> TryLeaseAsync(string roundId, TimeSpan lease) => Db.LockTakeAsync(StoreKeys.NoticeRoundLease(roundId), Instance, lease);

    /// <summary>Extends this process's lease (only while this process holds it); false when it was lost.</summary>
    public Task<bool> RenewAsync(string roundId, TimeSpan lease) => Db.LockExtendAsync(StoreKeys.NoticeRoundLease(roundId), Instance, lease);

    /// <summary>Gives the lease up (when stopping), so another process can resume the round at once.</summary>
    public Task ReleaseAsync(string roundId) => Db.LockReleaseAsync(StoreKeys.NoticeRoundLease(roundId), Instance);

    public async Task<IReadOnlyDictionary<string, string>> StatesAsync(string roundId) =>
        (await Db.HashGetAllAsync(StoreKeys.NoticeRoundState(roundId))).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);

    /// <summary>Claims a field (HSETNX … sending); false when it was claimed before.</summary>
    public Task<bool> TryBeginAsync(string roundId, string field) => Db.HashSetAsync(StoreKeys.NoticeRoundState(roundId), field, Sending, When.NotExists);

    public Task SettleAsync(string roundId, string field, bool sent) => Db.HashSetAsync(StoreKeys.NoticeRoundState(roundId), field, sent ? Sent : Failed);

    /// <summary>How long the member states of a finished round are kept, so a stalled process that lost its lease still finds its members claimed.</summary>
    public static readonly TimeSpan FinishedStateLifetime = TimeSpan.FromDays(1);

    /// <summary>Removes a finished round: first from the unfinished set, then the round and its lease; the states expire later.</summary>
    public async Task FinishAsync(string roundId)
    {
        var db = Db;
        await db.SetRemoveAsync(StoreKeys.NoticeRoundsPending, roundId);
        var delete = db.KeyDeleteAsync([StoreKeys.NoticeRound(roundId), StoreKeys.NoticeRoundLease(roundId)]);
        var expire = db.KeyExpireAsync(StoreKeys.NoticeRoundState(roundId), FinishedStateLifetime);
        await Task.WhenAll(delete, expire);
    }
}
