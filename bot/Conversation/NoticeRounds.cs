using System.Collections.Concurrent;
using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Channels.Delivery;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Conversation;

/// <summary>
/// Sends notices, nudges and leave notes to members after the turn that asked for them has ended: platform rate limits
/// (20 a minute for group robots, retries with backoff) can make a broadcast take minutes, longer than any channel lets a
/// turn run (Direct Line's bot timeout, the Connector's 15 s). The turn saves the round in the store
/// (<see cref="SaveAsync"/>) before it answers “正在发送…”; the per-member report then reaches the secretary as a
/// proactive message. A round cut short by a shutdown or crash is resumed by the next process that starts (or by a
/// running one, once the lease of the process that ran it has expired): members already claimed are skipped, the rest
/// are sent, then the report.
/// </summary>
internal sealed class NoticeRounds(
    ChannelAddressStore addresses,
    NoticeRoundStore store,
    MemberActivityStore memberActivity,
    IBroadcastMessenger broadcaster,
    IProactiveMessenger messenger,
    BranchGroupRobots groupRobots,
    TimeProvider time,
    ILogger<NoticeRounds> logger) : IHostedService, IDisposable
{
    /// <summary>How long a round stays with the process running it without a renewal; a crashed process's rounds are resumed after it.</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private Task _scanning = Task.CompletedTask;
    private volatile bool _disposed;

    /// <summary>Looks up the members' addresses (in the turn, so a store failure is answered there).</summary>
    public async Task<NoticeRound> PrepareAsync(string branchId, IReadOnlyList<Member> recipients, bool withGroups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var references = await addresses.GetPreferredAsync(recipients.Select(m => m.Id).ToArray(), cancellationToken);
        return new NoticeRound
        {
            BranchId = branchId,
            Reachable = recipients.Where(m => references.ContainsKey(m.Id)).Select(m => new BroadcastRecipient(m.Id, references[m.Id])).ToArray(),
            Unreachable = recipients.Where(m => !references.ContainsKey(m.Id)).ToArray(),
            Names = recipients.DistinctBy(m => m.Id).ToDictionary(m => m.Id, m => m.Name, StringComparer.Ordinal),
            Groups = withGroups ? groupRobots.For(branchId) : [],
        };
    }

    /// <summary>
    /// Saves the round in the store, leased to this process: call it before the turn answers, so an acknowledged round
    /// is never lost. Throws <see cref="RedisException"/> when the store fails (the turn answers that; nothing is sent).
    /// </summary>
    public async Task<StoredNoticeRound> SaveAsync(NoticeRound round, string text, GroupNotice? group, ConversationReference? reportTo, NoticeReportKind report, string? dutyTitle, SentNotice? record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
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
        };
        await store.SaveAsync(stored, LeaseTime, cancellationToken);
        return stored;
    }

    /// <summary>Runs a saved round in the background: the members' message, the group posts, the record, then the report.</summary>
    public void Start(StoredNoticeRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var task = Task.Run(() => RunAsync(round, _stopping.Token), CancellationToken.None);
        _running[round.Id] = task;
        _ = task.ContinueWith(_ => _running.TryRemove(round.Id, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when every round started so far has ended (tests, shutdown).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Values);

    /// <summary>Starts every unfinished round in the store that no live process holds; returns how many.</summary>
    public async Task<int> ResumePendingAsync()
    {
        var resumed = 0;
        foreach (var id in await store.PendingAsync())
        {
            if (_running.ContainsKey(id) || !await store.TryLeaseAsync(id, LeaseTime))
            {
                continue;
            }

            var round = await store.LoadAsync(id);
            if (round is null)
            {
                await store.FinishAsync(id);
                continue;
            }

            ConversationLog.RoundResumed(logger, id);
            Start(round);
            resumed++;
        }

        return resumed;
    }

    /// <summary>Resumes unfinished rounds at start-up, then looks again every lease period for rounds of crashed processes.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ScanAsync();
        _scanning = ScanLoopAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            ConversationLog.RoundsAbandoned(logger, _running.Count);
        }

        if (_disposed)
        {
            return;
        }

        await _stopping.CancelAsync();

        // Cancelled rounds give their leases up, so the next process resumes them at once.
        try
        {
            await Task.WhenAll(WhenIdleAsync(), _scanning).WaitAsync(TimeSpan.FromSeconds(5), time, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            ConversationLog.RoundsAbandoned(logger, _running.Count);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }

    private async Task ScanLoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(LeaseTime, time, ct);
                await ScanAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ScanAsync()
    {
        try
        {
            await ResumePendingAsync();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or System.Text.Json.JsonException)
        {
            ConversationLog.RoundFailed(logger, e.GetType().Name);
        }
    }

    private async Task RunAsync(StoredNoticeRound round, CancellationToken stopping)
    {
        // The round stops when the process stops or when its lease is lost (another process resumed it).
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var lease = new CancellationTokenSource();
        var renewing = RenewAsync(round.Id, work, lease.Token);
        var ct = work.Token;
        try
        {
            var states = await store.StatesAsync(round.Id);
            var posts = round.Group is null
                ? Task.FromResult<bool[]>([])
                : Task.WhenAll(groupRobots.For(round.BranchId).Where(g => !states.ContainsKey(NoticeRoundStore.GroupField(g.ChannelId))).Select(g => PostAsync(round.Id, g, round.Group, ct)));
            var todo = round.Recipients.Where(r => !states.ContainsKey(NoticeRoundStore.MemberField(r.MemberId))).Select(r => new BroadcastRecipient(r.MemberId, r.Reference)).ToArray();
            if (todo.Length > 0)
            {
                var delivery = await broadcaster.SendAsync(todo, PlainMessage(round.Text), new Journal(store, round.Id), ct);
                foreach (var failed in delivery.Members.Where(m => !m.Delivered))
                {
                    ConversationLog.DeliveryFailed(logger, failed.ChannelId, failed.MemberId, failed.Failure ?? "unknown");
                }
            }

            await posts;
            states = await store.StatesAsync(round.Id);
            var outcome = Outcome(round, states);
            if (round.Record is { } record && await store.TryBeginAsync(round.Id, NoticeRoundStore.RecordField))
            {
                await memberActivity.LogNoticeAsync(round.BranchId, record with { Delivered = outcome.Delivered }, ct);
                await store.SettleAsync(round.Id, NoticeRoundStore.RecordField, sent: true);
                ConversationLog.NoticeSent(logger, record.Id, round.BranchId, outcome.Delivered, outcome.Total);
            }

            // The report is sent at least once: a crash between the send and its record sends it again on resumption.
            if (round.ReportTo is { } reportTo && round.Report != NoticeReportKind.None && states.GetValueOrDefault(NoticeRoundStore.ReportField) != NoticeRoundStore.Sent)
            {
                var text = round.Report == NoticeReportKind.Nudge ? Replies.NudgeReport(round.DutyTitle ?? string.Empty, outcome) : Replies.NoticeReport(outcome);
                await messenger.SendAsync(reportTo, PlainMessage(text).ApplyConversationReference(reportTo), ct);
                await store.SettleAsync(round.Id, NoticeRoundStore.ReportField, sent: true);
            }

            await store.FinishAsync(round.Id);
        }
        catch (Exception e) when (e is ChannelDeliveryException or HttpRequestException or RedisException or TimeoutException or OperationCanceledException)
        {
            // The round stays unfinished in the store; it is resumed when its lease is free.
            ConversationLog.RoundFailed(logger, e.GetType().Name);
            await ReleaseAsync(round.Id);
        }
        finally
        {
            await lease.CancelAsync();
            await renewing;
        }
    }

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

    private async Task RenewAsync(string roundId, CancellationTokenSource work, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseTime / 3, time, ct);
                try
                {
                    if (!await store.RenewAsync(roundId, LeaseTime))
                    {
                        ConversationLog.RoundFailed(logger, "lease lost");
                        await work.CancelAsync();
                        return;
                    }
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    // A store blip: try again at the next renewal (the lease outlives two missed ones). Giving up here
                    // would let the lease lapse while the round still runs, and another process would take it over.
                    ConversationLog.RoundFailed(logger, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReleaseAsync(string roundId)
    {
        try
        {
            await store.ReleaseAsync(roundId);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            ConversationLog.RoundFailed(logger, e.GetType().Name);
        }
    }

    private async Task<bool> PostAsync(string roundId, IGroupNoticeSender robot, GroupNotice notice, CancellationToken ct)
    {
        var field = NoticeRoundStore.GroupField(robot.ChannelId);
        if (!await store.TryBeginAsync(roundId, field))
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
            ConversationLog.GroupPostFailed(logger, robot.ChannelId, e.GetType().Name);
        }

        await store.SettleAsync(roundId, field, posted);
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
