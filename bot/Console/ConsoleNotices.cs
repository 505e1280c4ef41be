using PartyAffairs.Bot.Conversation;
using PartyAffairs.Bot.State;
using StackExchange.Redis;

namespace PartyAffairs.Bot.WebConsole;

/// <summary>
/// Notices sent from the console through the chat's notice rounds (<see cref="NoticeRounds"/>: the same delivery, group
/// posts, retries and record as 通知 … 确认 in chat), and their delivery report: the round's per-member states
/// (送达/失败/发送中) and the members without a chat address (未绑定). The console keeps each round's recipients for
/// <see cref="Kept"/> under <c>pa:console:notices:{branch}</c> (the rounds' own states last a day after they finish).
/// </summary>
internal sealed class ConsoleNotices(RosterStore roster, NoticeRounds rounds, NoticeRoundStore store, IConnectionMultiplexer redis, TimeProvider time)
{
    /// <summary>Longest notice, as a chat message (the chat refuses longer texts).</summary>
    public const int MaxLength = 2000;

    /// <summary>How many sent notices the page lists.</summary>
    public const int Listed = 20;

    /// <summary>How long the console keeps a round's recipients.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    /// <summary>The members a notice from <paramref name="session"/> goes to (everyone but the sender).</summary>
    public async Task<IReadOnlyList<Member>> RecipientsAsync(string branchId, ConsoleSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return (await roster.ListMembersAsync(branchId, cancellationToken)).Where(m => m.Id != session.MemberId).ToArray();
    }

    /// <summary>Saves and starts a round; returns its id.</summary>
    public async Task<string> SendAsync(string branchId, ConsoleSession session, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var recipients = await RecipientsAsync(branchId, session, cancellationToken);
        var branchName = (await roster.GetBranchAsync(branchId, cancellationToken))?.Name ?? branchId;
        var round = await rounds.PrepareAsync(branchId, recipients, withGroups: true, cancellationToken);
        var record = new SentNotice
        {
            Id = "console-" + Guid.NewGuid().ToString("N"),
            SenderId = session.MemberId ?? "office",
            SenderName = session.DisplayName,
            Text = text,
            SentAt = time.GetUtcNow(),
            Delivered = 0,
            Recipients = round.Total,
        };
        var saved = await rounds.SaveAsync(
            round,
            Replies.NoticeForward(session.DisplayName, branchName, text),
            new GroupNotice(Replies.NoticeGroupTitle(branchName), Replies.NoticeGroupText(session.DisplayName, text)),
            reportTo: null,
            NoticeReportKind.None,
            dutyTitle: null,
            record,
            cancellationToken);
        var sent = new SentRound(saved.Id, text, record.SentAt, session.DisplayName,
            [.. round.Reachable.Select(r => new Recipient(r.MemberId, round.Names.GetValueOrDefault(r.MemberId, r.MemberId)))],
            [.. round.Unreachable.Select(m => m.Name)]);
        var db = redis.GetDatabase();
        await db.StringSetAsync(RoundKey(branchId, saved.Id), StoreJson.Write(sent), Kept);
        await db.ListLeftPushAsync(ListKey(branchId), saved.Id);
        await db.ListTrimAsync(ListKey(branchId), 0, Listed - 1);
        await db.KeyExpireAsync(ListKey(branchId), Kept);
        rounds.Start(saved);
        return saved.Id;
    }

    /// <summary>The branch's notices sent from the console (newest first), each with its delivery report.</summary>
    public async Task<IReadOnlyList<NoticeView>> ListAsync(string branchId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = redis.GetDatabase();
        var ids = await db.ListRangeAsync(ListKey(branchId), 0, Listed - 1);
        var views = new List<NoticeView>();
        foreach (var id in ids.Select(i => i.ToString()))
        {
            if (StoreJson.Read<SentRound>(await db.StringGetAsync(RoundKey(branchId, id))) is not { } sent)
            {
                continue;
            }

            var states = await store.StatesAsync(id);
            var lines = sent.Recipients.Select(r => new DeliveryLine(r.Name, states.GetValueOrDefault(NoticeRoundStore.MemberField(r.MemberId)) switch
            {
                NoticeRoundStore.Sent => Delivery.Delivered,
                NoticeRoundStore.Failed => Delivery.Failed,
                _ => Delivery.Sending,
            })).Concat(sent.Unreachable.Select(n => new DeliveryLine(n, Delivery.Unbound))).ToArray();
            views.Add(new NoticeView(sent, lines));
        }

        return views;
    }

    private static RedisKey ListKey(string branchId) => $"pa:console:notices:{branchId}";

    private static RedisKey RoundKey(string branchId, string roundId) => $"pa:console:notices:{branchId}:{roundId}";

    /// <summary>A sent notice as the console keeps it.</summary>
    public sealed record SentRound(string Id, string Text, DateTimeOffset SentAt, string Sender, IReadOnlyList<Recipient> Recipients, IReadOnlyList<string> Unreachable);

    /// <summary>A recipient with a chat address.</summary>
    public sealed record Recipient(string MemberId, string Name);

    /// <summary>Where one member's copy stands.</summary>
    public enum Delivery
    {
        Delivered,
        Unbound,
        Failed,
        Sending,
    }

    /// <summary>One member's line of the report.</summary>
    public sealed record DeliveryLine(string Name, Delivery State);

    /// <summary>A notice and its report.</summary>
    public sealed record NoticeView(SentRound Notice, IReadOnlyList<DeliveryLine> Lines)
    {
        public int Count(Delivery state) => Lines.Count(l => l.State == state);
    }
}
