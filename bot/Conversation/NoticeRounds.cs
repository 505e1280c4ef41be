using System.Collections.Concurrent;
using PartyAffairs.Bot.BotFramework.Schema;
using PartyAffairs.Bot.Channels;
using PartyAffairs.Bot.Channels.Delivery;
using PartyAffairs.Bot.State;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Conversation;

/// <summary>
/// Sends notices, nudges and leave notes to members after the turn that asked for them has ended: platform rate limits
/// (20 a minute for group robots, retries with backoff) can make a broadcast take minutes, longer than any channel lets a
/// turn run (Direct Line's bot timeout, the Connector's 15 s). The turn answers “正在发送…”; the per-member report then
/// reaches the secretary as a proactive message. Rounds run in this process only: one cut short by a shutdown or crash
/// is not resumed (logged, event 1205).
/// </summary>
internal sealed class NoticeRounds(
    ChannelAddressStore addresses,
    IBroadcastMessenger broadcaster,
    IProactiveMessenger messenger,
    BranchGroupRobots groupRobots,
    ILogger<NoticeRounds> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>Looks up the members' addresses (in the turn, so a store failure is answered there).</summary>
    public async Task<NoticeRound> PrepareAsync(string branchId, IReadOnlyList<Member> recipients, bool withGroups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var references = await addresses.GetPreferredAsync(recipients.Select(m => m.Id).ToArray(), cancellationToken);
        return new NoticeRound
        {
            Reachable = recipients.Where(m => references.ContainsKey(m.Id)).Select(m => new BroadcastRecipient(m.Id, references[m.Id])).ToArray(),
            Unreachable = recipients.Where(m => !references.ContainsKey(m.Id)).ToArray(),
            Names = recipients.DistinctBy(m => m.Id).ToDictionary(m => m.Id, m => m.Name, StringComparer.Ordinal),
            Groups = withGroups ? groupRobots.For(branchId) : [],
        };
    }

    /// <summary>
    /// Starts the round in the background: the members' message, the group posts, then <paramref name="record"/> and the
    /// report to <paramref name="reportTo"/> (when given).
    /// </summary>
    public void Start(NoticeRound round, string text, GroupNotice? group, ConversationReference? reportTo, Func<NoticeReport, string>? report, Func<NoticeReport, CancellationToken, Task>? record)
    {
        ArgumentNullException.ThrowIfNull(round);
        var task = Task.Run(() => RunAsync(round, text, group, reportTo, report, record, _stopping.Token), CancellationToken.None);
        _running[task] = 0;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when every round started so far has ended (tests, shutdown).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Keys);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            ConversationLog.RoundsAbandoned(logger, _running.Count);
            await _stopping.CancelAsync();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(NoticeRound round, string text, GroupNotice? group, ConversationReference? reportTo, Func<NoticeReport, string>? report, Func<NoticeReport, CancellationToken, Task>? record, CancellationToken ct)
    {
        try
        {
            var message = Activity.CreateMessageActivity(text);
            message.TextFormat = TextFormatTypes.Plain;
            message.Locale = "zh-CN";
            var members = broadcaster.SendAsync(round.Reachable, message, ct);
            var posts = group is null ? Task.FromResult<GroupPost[]>([]) : Task.WhenAll(round.Groups.Select(g => PostAsync(g, group, ct)));
            var delivery = await members;
            var outcome = new NoticeReport(
                delivery.Delivered,
                round.Total,
                delivery.Members.Where(m => !m.Delivered).Select(m => round.Names.GetValueOrDefault(m.MemberId, m.MemberId)).ToArray(),
                round.Unreachable.Select(m => m.Name).ToArray(),
                await posts);
            foreach (var failed in delivery.Members.Where(m => !m.Delivered))
            {
                ConversationLog.DeliveryFailed(logger, failed.ChannelId, failed.MemberId, failed.Failure ?? "unknown");
            }

            if (record is not null)
            {
                await record(outcome, ct);
            }

            if (reportTo is not null && report is not null)
            {
                var reply = Activity.CreateMessageActivity(report(outcome)).ApplyConversationReference(reportTo);
                reply.TextFormat = TextFormatTypes.Plain;
                reply.Locale = "zh-CN";
                await messenger.SendAsync(reportTo, reply, ct);
            }
        }
        catch (Exception e) when (e is ChannelDeliveryException or HttpRequestException or RedisException or TimeoutException or OperationCanceledException)
        {
            ConversationLog.RoundFailed(logger, e.GetType().Name);
        }
    }

    private async Task<GroupPost> PostAsync(IGroupNoticeSender robot, GroupNotice notice, CancellationToken ct)
    {
        try
        {
            await robot.PublishAsync(notice.Title, notice.Text, ct);
            return new GroupPost(robot.ChannelId, true);
        }
        catch (Exception e) when (e is ChannelDeliveryException or HttpRequestException or TimeoutException)
        {
            ConversationLog.GroupPostFailed(logger, robot.ChannelId, e.GetType().Name);
            return new GroupPost(robot.ChannelId, false);
        }
    }
}
