using PartyAffairs.Bot.State;
using PartyAffairs.Delivery;
using PartyAffairs.Delivery.Queues;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Conversation;

/// <summary>
/// Notice rounds in the store (plain commands, no scripts): the round as JSON, its id as an item of the rounds' work queue
/// (<see cref="StoreKeys.NoticeRoundsQueue"/>: taken by the process running it, handed back when that process stops or
/// its lease lapses), and one hash field per member (and group robot, record and report) that moves sending → sent |
/// failed. HSETNX claims a member before the platform call, so no member is sent twice whoever runs the round; a field
/// still <c>sending</c> after a crash is counted as failed (at most once).
/// </summary>
internal sealed class NoticeRoundStore
{
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>The prefix of group robot fields (<see cref="GroupField"/>).</summary>
    public const string GroupPrefix = "g:";

    public const string RecordField = "_record";

    public const string ReportField = "_report";

    /// <summary>How long the member states of a finished round are kept, so a stalled process that lost its lease still finds its members claimed.</summary>
    public static readonly TimeSpan FinishedStateLifetime = TimeSpan.FromDays(1);

    private readonly IConnectionMultiplexer _connection;

    /// <summary>The store over the host's connection; rounds are run by <paramref name="instance"/>, leases on <paramref name="time"/>.</summary>
    public NoticeRoundStore(IConnectionMultiplexer connection, DeliveryInstance instance, TimeProvider time)
    {
        _connection = connection;
        Queue = new WorkQueue(connection, instance, new WorkQueueOptions { Name = StoreKeys.NoticeRoundsQueue, Lease = NoticeRounds.LeaseTime }, time);
    }

    /// <summary>The rounds' work queue (item = round id).</summary>
    public WorkQueue Queue { get; }

    /// <summary>This process's name in leases.</summary>
    public string Instance => Queue.InstanceId;

    private IDatabase Db => _connection.GetDatabase();

    public static string MemberField(string memberId) => "m:" + memberId;

    public static string GroupField(string channelId) => GroupPrefix + channelId;

    /// <summary>
    /// Writes the round and records it as taken by this process (its processing list and lease), in one transaction, so
    /// the round is either stored and owned or not stored; throws when the store fails.
    /// </summary>
    public async Task SaveAsync(StoredNoticeRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        cancellationToken.ThrowIfCancellationRequested();
        var save = Db.CreateTransaction();
        var write = save.StringSetAsync(StoreKeys.NoticeRound(round.Id), StoreJson.Write(round));
        var taken = Queue.AddTakenAsync(save, round.Id);
        await save.ExecuteAsync();
        await Task.WhenAll(write, taken);
    }

    public async Task<StoredNoticeRound?> LoadAsync(string roundId) => StoreJson.Read<StoredNoticeRound>(await Db.StringGetAsync(StoreKeys.NoticeRound(roundId)));

    public async Task<IReadOnlyDictionary<string, string>> StatesAsync(string roundId) =>
        (await Db.HashGetAllAsync(StoreKeys.NoticeRoundState(roundId))).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);

    /// <summary>Claims a field (HSETNX … sending); false when it was claimed before.</summary>
    public Task<bool> TryBeginAsync(string roundId, string field) => Db.HashSetAsync(StoreKeys.NoticeRoundState(roundId), field, Sending, When.NotExists);

    public Task SettleAsync(string roundId, string field, bool sent) => Db.HashSetAsync(StoreKeys.NoticeRoundState(roundId), field, sent ? Sent : Failed);

    /// <summary>
    /// Removes a finished round's data: the round (its queue item leaves the processing list right after), then the states
    /// expire later. A crash in between leaves an item whose round is gone, which is dropped when it is next taken.
    /// </summary>
    public async Task FinishAsync(string roundId)
    {
        var db = Db;
        var delete = db.KeyDeleteAsync(StoreKeys.NoticeRound(roundId));
        var expire = db.KeyExpireAsync(StoreKeys.NoticeRoundState(roundId), FinishedStateLifetime);
        await Task.WhenAll(delete, expire);
    }

    /// <summary>
    /// Moves rounds left by a version before the work queue (the set <c>pa:notices:pending</c> and a lease key per round)
    /// into the queue, each once its old lease is free: SREM + LPUSH in one transaction conditioned on the round still being
    /// listed and unleased, so two instances never move it twice. Returns how many moved.
    /// </summary>
    public async Task<int> MigrateLegacyAsync()
    {
        var db = Db;
        var moved = 0;
        foreach (var id in await db.SetMembersAsync(StoreKeys.LegacyNoticeRoundsPending))
        {
            var move = db.CreateTransaction();
            move.AddCondition(Condition.SetContains(StoreKeys.LegacyNoticeRoundsPending, id));
            move.AddCondition(Condition.KeyNotExists(StoreKeys.LegacyNoticeRoundLease(id.ToString())));
            _ = move.SetRemoveAsync(StoreKeys.LegacyNoticeRoundsPending, id);
            _ = Queue.Enqueue(move, id);
            if (await move.ExecuteAsync())
            {
                moved++;
            }
        }

        if (moved > 0)
        {
            Queue.Wake();
        }

        return moved;
    }
}
