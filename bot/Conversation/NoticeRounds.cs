using System.Collections.Concurrent;
using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Delivery.Queues;
using PartyAffairs.Ledger.Notices;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Conversation;

/// <summary>
/// Sends notices, nudges and leave notes to members after the turn that asked for them has ended: platform rate limits
/// (20 a minute for group robots, retries with backoff) can make a broadcast take minutes, longer than any channel lets a
/// turn run (Direct Line's bot timeout, the Connector's 15 s). The turn saves the round in the store
/// (<see cref="SaveAsync"/>: the round, taken by this process in the rounds' work queue) before it answers “正在发送…”,
/// then <see cref="Start"/> runs it here; the per-member report reaches the secretary as a proactive message. A round cut
/// short by a shutdown goes back to the queue at once, a crashed process's once its lease lapsed; any process's worker
/// then takes it: members already claimed are skipped, the rest are sent, then the report.
/// A round that carries a <see cref="SentNotice"/> (a secretary's notice, from chat or the console; never a nudge) is
/// recorded in the ledger when it is saved (<see cref="NoticeService.RecordAsync"/>: its addressees, unbound ones as such)
/// and its counts filled in when it finishes; members receive it with a 收到 button naming the ledger's notice number.
/// </summary>
internal sealed class NoticeRounds : IHostedService, IDisposable
{
    /// <summary>How long a process's rounds stay its own without a heartbeat (renewed every third of it); a crashed process's rounds are resumed after it.</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(60);

    /// <summary>How long a round that failed (store or channel down) waits in the queue before it is tried again.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(60);

    private readonly ChannelAddressStore _addresses;
    private readonly NoticeRoundStore _store;
    private readonly MemberActivityStore _memberActivity;
    private readonly IBroadcastMessenger _broadcaster;
    private readonly IProactiveMessenger _messenger;
    private readonly BranchGroupRobots _groupRobots;
    private readonly TimeProvider _time;
    private readonly ILogger<NoticeRounds> _logger;
    private readonly WorkQueueWorker _worker;
    private readonly NoticeService? _notices;
    private readonly ConcurrentDictionary<string, StoredNoticeRound> _saved = new(StringComparer.Ordinal);

    public NoticeRounds(
        ChannelAddressStore addresses,
        NoticeRoundStore store,
        MemberActivityStore memberActivity,
        IBroadcastMessenger broadcaster,
        IProactiveMessenger messenger,
        BranchGroupRobots groupRobots,
        TimeProvider time,
        ILogger<NoticeRounds> logger,
        NoticeService? notices = null)
    {
        _notices = notices;
        _addresses = addresses;
        _store = store;
        _memberActivity = memberActivity;
        _broadcaster = broadcaster;
        _messenger = messenger;
        _groupRobots = groupRobots;
        _time = time;
        _logger = logger;
        _worker = new WorkQueueWorker(
            store.Queue,
            HandleAsync,
            new WorkerOptions { Parallelism = 2, PollInterval = TimeSpan.FromSeconds(5) },
            time,
            logger);
    }

    /// <summary>This process's name in the rounds' work queue.</summary>
    public string InstanceId => _store.Instance;

    /// <summary>Looks up the members' addresses (in the turn, so a store failure is answered there).</summary>
    public async Task<NoticeRound> PrepareAsync(string branchId, IReadOnlyList<Member> recipients, bool withGroups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var references = await _addresses.GetPreferredAsync(recipients.Select(m => m.Id).ToArray(), cancellationToken);
        return new NoticeRound
        {
            BranchId = branchId,
            Reachable = recipients.Where(m => references.ContainsKey(m.Id)).Select(m => new BroadcastRecipient(m.Id, references[m.Id])).ToArray(),
            Unreachable = recipients.Where(m => !references.ContainsKey(m.Id)).ToArray(),
            Names = recipients.DistinctBy(m => m.Id).ToDictionary(m => m.Id, m => m.Name, StringComparer.Ordinal),
            Groups = withGroups ? _groupRobots.For(branchId) : [],
        };
    }

    /// <summary>
    /// Prepares and saves a secretary's notice to <paramref name="recipients"/> (chat's 通知 … 确认 and the console's
    /// Notices page alike): the members' copy and the group post in the notice's words, and the notice recorded in the
    /// ledger (<see cref="SaveAsync"/>). The report goes to <paramref name="reportTo"/> when given. Start it with <see cref="Start"/>.
    /// </summary>
    public async Task<(NoticeRound Round, StoredNoticeRound Saved)> SaveNoticeAsync(
        string branchId, string branchName, string noticeId, string senderId, string senderName, string text,
        IReadOnlyList<Member> recipients, ConversationReference? reportTo, CancellationToken cancellationToken)
    {
        var round = await PrepareAsync(branchId, recipients, withGroups: true, cancellationToken);
        var notice = new SentNotice
        {
            Id = noticeId,
            SenderId = senderId,
            SenderName = senderName,
            Text = text,
            SentAt = _time.GetUtcNow(),
            Delivered = 0,
            Recipients = round.Total,
        };
        var saved = await SaveAsync(
            round,
            Replies.NoticeForward(senderName, branchName, text),
            new GroupNotice(Replies.NoticeGroupTitle(branchName), Replies.NoticeGroupText(senderName, text)),
            reportTo,
            reportTo is null ? NoticeReportKind.None : NoticeReportKind.Notice,
            dutyTitle: null,
            notice,
            cancellationToken);
        return (round, saved);
    }

    /// <summary>
    /// Saves the round in the store, taken by this process: call it before the turn answers, so an acknowledged round
    /// is never lost. Throws <see cref="RedisException"/> when the store fails (the turn answers that; nothing is sent).
    /// </summary>
    public async Task<StoredNoticeRound> SaveAsync(NoticeRound round, string text, GroupNotice? group, ConversationReference? reportTo, NoticeReportKind report, string? dutyTitle, SentNotice? record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        long? number = null;
        if (record is not null && _notices is not null)
        {
            // The one place a notice becomes a record (chat and console alike); a ledger failure fails the turn before anything is sent.
            number = await _notices.RecordAsync(new NoticeDraft
            {
                Key = record.Id,
                BranchId = round.BranchId,
                SenderId = record.SenderId,
                SenderName = record.SenderName ?? record.SenderId,
                Text = record.Text,
                SentAt = record.SentAt,
                Addressees =
                [
                    .. round.Reachable.DistinctBy(r => r.MemberId).Select(r => new NoticeAddressee(r.MemberId, round.Names.GetValueOrDefault(r.MemberId, r.MemberId), NoticeDelivery.Pending)),
                    .. round.Unreachable.Select(m => new NoticeAddressee(m.Id, m.Name, NoticeDelivery.Unbound)),
                ],
            }, cancellationToken);
        }

        var stored = new StoredNoticeRound
        {
            Id = Guid.NewGuid().ToString("N"),
            BranchId = round.BranchId,
            Text = text,
            Group = round.Groups.Count > 0 ? group : null,
            Recipients = round.Reachable.DistinctBy(r => r.MemberId).Select(r => new StoredRecipient(r.MemberId, round.Names.GetValueOrDefault(r.MemberId, r.MemberId), r.Reference)).ToArray(),
            Unreachable = round.Unreachable.Select(m => m.Name).ToArray(),
            ReportTo = report == NoticeReportKind.None ? null : reportTo,
            Report = reportTo is null ? NoticeReportKind.None : report,
            DutyTitle = dutyTitle,
            Record = record,
            NoticeNumber = number,
        };
        await _store.SaveAsync(stored, cancellationToken);
        return stored;
    }

    /// <summary>Runs a saved round in the background: the members' message, the group posts, the record, then the report.</summary>
    public void Start(StoredNoticeRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        _saved[round.Id] = round;
        _worker.Run(round.Id);
    }

    /// <summary>Completes when every round started so far has ended (tests, shutdown).</summary>
    public Task WhenIdleAsync() => _worker.WhenIdleAsync();

    /// <summary>
    /// One pass of what the worker does on its own: moves rounds of the former store layout into the queue, hands back the
    /// rounds of processes whose lease lapsed, then takes every queued round and starts it here. Returns how many started.
    /// </summary>
    public async Task<int> ResumePendingAsync()
    {
        await _store.MigrateLegacyAsync();
        await _worker.MaintainAsync(CancellationToken.None);
        var resumed = 0;
        while (await _store.Queue.TakeAsync() is { } id)
        {
            _worker.Run(id);
            resumed++;
        }

        return resumed;
    }

    /// <summary>Resumes unfinished rounds at start-up, then keeps the lease, recovers crashed processes' rounds and takes queued ones.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ResumePendingAsync();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            ConversationLog.RoundFailed(_logger, e.GetType().Name);
        }

        _worker.Start();
    }

    /// <summary>Lets running rounds finish briefly, then cuts them short: they go back to the queue for the next process.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var running = _worker.Running;
        await _worker.StopAsync(cancellationToken);
        if (running > 0 && _worker.Running > 0)
        {
            ConversationLog.RoundsAbandoned(_logger, _worker.Running);
        }
    }

    public void Dispose() => _worker.Dispose();

    private async Task<WorkResult> HandleAsync(RedisValue item, CancellationToken cancellationToken)
    {
        var id = item.ToString();
        var round = _saved.TryRemove(id, out var saved) ? saved : await _store.LoadAsync(id);
        if (round is null)
        {
            return WorkResult.Completed; // finished meanwhile (its data is gone)
        }

        if (saved is null)
        {
            ConversationLog.RoundResumed(_logger, id);
        }

        try
        {
            await RunAsync(round, cancellationToken);
            return WorkResult.Completed;
        }
        catch (Exception e) when (e is ChannelDeliveryException or HttpRequestException or RedisException or TimeoutException)
        {
            // The round stays unfinished; it is tried again shortly, by whichever process takes it then.
            ConversationLog.RoundFailed(_logger, e.GetType().Name);
            return WorkResult.Delay(_time.GetUtcNow() + RetryDelay);
        }
    }

    private async Task RunAsync(StoredNoticeRound round, CancellationToken ct)
    {
        var states = await _store.StatesAsync(round.Id);
        var posts = round.Group is null
            ? Task.FromResult<bool[]>([])
            : Task.WhenAll(_groupRobots.For(round.BranchId).Where(g => !states.ContainsKey(NoticeRoundStore.GroupField(g.ChannelId))).Select(g => PostAsync(round.Id, g, round.Group, ct)));
        var todo = round.Recipients.Where(r => !states.ContainsKey(NoticeRoundStore.MemberField(r.MemberId))).Select(r => new BroadcastRecipient(r.MemberId, r.Reference)).ToArray();
        if (todo.Length > 0)
        {
            var delivery = await _broadcaster.SendAsync(todo, MemberMessage(round), new Journal(_store, round.Id), ct);
            foreach (var failed in delivery.Members.Where(m => !m.Delivered))
            {
                ConversationLog.DeliveryFailed(_logger, failed.ChannelId, failed.MemberId, failed.Failure ?? "unknown");
            }
        }

        await posts;
        states = await _store.StatesAsync(round.Id);
        var outcome = Outcome(round, states);
        if (round.Record is { } notice && _notices is not null)
        {
            // Idempotent: a resumed round fills in the same counts again.
            var deliveries = round.Recipients.ToDictionary(
                r => r.MemberId,
                r => states.GetValueOrDefault(NoticeRoundStore.MemberField(r.MemberId)) == NoticeRoundStore.Sent ? NoticeDelivery.Delivered : NoticeDelivery.Failed,
                StringComparer.Ordinal);
            await _notices.FinishAsync(round.BranchId, notice.Id, deliveries, ct);
        }

        if (round.Record is { } record && await _store.TryBeginAsync(round.Id, NoticeRoundStore.RecordField))
        {
            await _memberActivity.LogNoticeAsync(round.BranchId, record with { Delivered = outcome.Delivered }, ct);
            await _store.SettleAsync(round.Id, NoticeRoundStore.RecordField, sent: true);
            ConversationLog.NoticeSent(_logger, record.Id, round.BranchId, outcome.Delivered, outcome.Total);
        }

        // The report is sent at least once: a crash between the send and its record sends it again on resumption.
        if (round.ReportTo is { } reportTo && round.Report != NoticeReportKind.None && states.GetValueOrDefault(NoticeRoundStore.ReportField) != NoticeRoundStore.Sent)
        {
            var text = round.Report == NoticeReportKind.Nudge ? Replies.NudgeReport(round.DutyTitle ?? string.Empty, outcome) : Replies.NoticeReport(outcome);
            await _messenger.SendAsync(reportTo, PlainMessage(text).ApplyConversationReference(reportTo), ct);
            await _store.SettleAsync(round.Id, NoticeRoundStore.ReportField, sent: true);
        }

        await _store.FinishAsync(round.Id);
    }

    // A recorded notice carries its 收到 button (a hero card; text-only platforms list it as a reply hint).
    private static Activity MemberMessage(StoredNoticeRound round) => round.NoticeNumber is { } number
        ? ReplyMessage.Create(round.Text, [new ReplyButton(Replies.NoticeAcknowledgeButton, Replies.NoticeAcknowledgeSends(number))])
        : PlainMessage(round.Text);

    private static Activity PlainMessage(string text)
    {
        var message = Activity.CreateMessageActivity(text);
        message.TextFormat = TextFormatTypes.Plain;
        message.Locale = "zh-CN";
        return message;
    }

    private static NoticeReport Outcome(StoredNoticeRound round, IReadOnlyDictionary<string, string> states)
    {
        bool Sent(string field) => states.GetValueOrDefault(field) == NoticeRoundStore.Sent;
        var groups = states.Keys.Where(k => k.StartsWith(NoticeRoundStore.GroupPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(k => new GroupPost(k[NoticeRoundStore.GroupPrefix.Length..], Sent(k))).ToArray();
        return new NoticeReport(
            round.Recipients.Count(r => Sent(NoticeRoundStore.MemberField(r.MemberId))),
            round.Total,
            round.Recipients.Where(r => !Sent(NoticeRoundStore.MemberField(r.MemberId))).Select(r => r.Name).ToArray(),
            round.Unreachable,
            groups);
    }

    private async Task<bool> PostAsync(string roundId, IGroupNoticeSender robot, GroupNotice notice, CancellationToken ct)
    {
        var field = NoticeRoundStore.GroupField(robot.ChannelId);
        if (!await _store.TryBeginAsync(roundId, field))
        {
            return false;
        }

        var posted = false;
        try
        {
            await robot.PublishAsync(notice.Title, notice.Text, ct);
            posted = true;
        }
        catch (Exception e) when (e is ChannelDeliveryException or HttpRequestException or TimeoutException)
        {
            ConversationLog.GroupPostFailed(_logger, robot.ChannelId, e.GetType().Name);
        }

        await _store.SettleAsync(roundId, field, posted);
        return posted;
    }

    /// <summary>Claims and records each member of one round in its state hash.</summary>
    private sealed class Journal(NoticeRoundStore store, string roundId) : IBroadcastJournal
    {
        public async ValueTask<bool> TryBeginAsync(string memberId, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await store.TryBeginAsync(roundId, NoticeRoundStore.MemberField(memberId));
        }

        public async ValueTask SettleAsync(MemberDelivery delivery, CancellationToken cancellationToken) =>
            await store.SettleAsync(roundId, NoticeRoundStore.MemberField(delivery.MemberId), delivery.Delivered);
    }
}
