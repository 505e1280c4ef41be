using Microsoft.Extensions.Logging;
using PartyAffairs.Bot.Conversation;
using PartyAffairs.Bot.State;
using PartyAffairs.Bot.Tests.Channels;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>
/// Notice rounds survive the process: each test has its own real redis-server, a first bot host that stops (or stalls)
/// mid-round, and a second host on the same store that finishes the round.
/// </summary>
public sealed class NoticeDurabilityTests : IAsyncLifetime
{
    private const string Secretary = "王书记";
    private static readonly string[] Members = Enumerable.Range(1, 20).Select(i => $"成员{i:00}").ToArray();

    private readonly RestartableRedisServer _redis = new();
    private ConnectionMultiplexer _connection = null!;

    public async Task InitializeAsync()
    {
        StoreStartup.EnsureMinThreads();
        await _redis.StartAsync();
        _connection = await StoreConnection.ConnectAsync(_redis.EndPoint, timeoutMilliseconds: 10_000);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Notice_HostStoppedMidRound_NewHostSendsTheRestOnceAndReportsOnce()
    {
        var first = await BranchAsync();
        first.Messenger.BlockAfter = 3;
        await first.SayAsync(Secretary, "通知 本周五下午3点召开党员大会");
        Assert.Equal("正在发送通知（共 20 人），完成后将告知送达情况。", (await first.SayOneAsync(Secretary, "确认")).Text);
        await WaitUntilAsync(() => first.Messenger.Sent.Count == 3);

        await first.Rounds.StopAsync(new CancellationToken(canceled: true));
        var second = new BotHarness(_connection, first.BranchId);
        await second.Rounds.StartAsync(CancellationToken.None);
        await second.SettleAsync();

        await AssertFinishedOnceAsync(first, second);
    }

    [Fact]
    public async Task Notice_HostStalledAndLeaseExpired_RunningHostTakesOverWithoutSendingTwice()
    {
        var first = await BranchAsync();
        first.Messenger.BlockAfter = 3;
        await first.SayAsync(Secretary, "通知 学习材料已上传");
        await first.SayAsync(Secretary, "确认");
        await WaitUntilAsync(() => first.Messenger.Sent.Count == 3);
        var second = new BotHarness(_connection, first.BranchId);

        // The first host still holds the lease: nothing is taken over.
        Assert.Equal(0, await second.Rounds.ResumePendingAsync());
        await ExpireLeaseAsync(first, second); // the lease expires (the first host stalled)
        Assert.Equal(1, await second.Rounds.ResumePendingAsync());
        await second.SettleAsync();
        await first.Rounds.StopAsync(new CancellationToken(canceled: true));

        await AssertFinishedOnceAsync(first, second);
    }

    [Fact]
    public async Task Notice_RoundRunsLongerThanItsLease_LeaseRenewedAndNoHostTakesItOver()
    {
        var first = await BranchAsync();
        await first.Rounds.StartAsync(CancellationToken.None); // its worker keeps the lease
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.Messenger.Hold = hold; // a slow channel: every send waits until released
        await first.SayAsync(Secretary, "通知 本周五下午3点召开党员大会");
        await first.SayAsync(Secretary, "确认");
        await WaitUntilAsync(() => first.Messenger.Entered > 0);
        var second = new BotHarness(_connection, first.BranchId);

        // Twice the lease time passes while the round is stuck in its sends.
        await AssertLeaseRenewedAsync(first, second, steps: 6);

        hold.SetResult();
        await first.SettleAsync();
        await first.Rounds.StopAsync(CancellationToken.None);

        Assert.All(Members, m => Assert.Single(first.SentTo(m)));
        Assert.Empty(second.Messenger.Sent);
        var report = Assert.Single(first.SentTo(Secretary));
        Assert.StartsWith($"通知发送完成：已送达 {Members.Length}/{Members.Length}", report, StringComparison.Ordinal);
        Assert.Equal(0, await UnfinishedRoundsAsync());
    }

    [Fact]
    public async Task Notice_StoreDownAtOneRenewal_LaterRenewalsKeepTheLease()
    {
        var branch = await BranchAsync();
        using var logs = new CapturingLoggerProvider();
        await using var fast = await StoreConnection.ConnectAsync(_redis.EndPoint); // the host's 1 s timeouts
        var first = new BotHarness(fast, branch.BranchId, new Logger<NoticeRounds>(new LoggerFactory([logs])));
        await first.Rounds.StartAsync(CancellationToken.None); // its worker keeps the lease
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.Messenger.Hold = hold;
        await first.SayAsync(Secretary, "通知 本周五下午3点召开党员大会");
        await first.SayAsync(Secretary, "确认");
        await WaitUntilAsync(() => first.Messenger.Entered > 0);
        var second = new BotHarness(_connection, first.BranchId);

        // One renewal falls in a store outage and fails.
        await _redis.StopAsync();
        first.Time.Advance(NoticeRounds.LeaseTime / 3);
        await WaitUntilAsync(() => logs.Lines.Any(l => l.Contains("store unavailable", StringComparison.Ordinal)), "the renewal failed in the outage");
        await _redis.StartAsync();
        await WaitUntilAsync(async () => await PingsAsync(fast) && await PingsAsync(_connection), "the store is back");

        // The next renewals still happen.
        await AssertLeaseRenewedAsync(first, second, steps: 4);

        hold.SetResult();
        await first.SettleAsync();
        await first.Rounds.StopAsync(CancellationToken.None);
        Assert.All(Members, m => Assert.Single(first.SentTo(m)));
        Assert.Empty(second.Messenger.Sent);
        Assert.Single(first.SentTo(Secretary));
    }

    [Fact]
    public async Task NoticeScan_RoundLeftWithAFreeLease_RunningHostPicksItUpOnItsPeriodicScan()
    {
        var first = await BranchAsync();
        first.Messenger.BlockAfter = 3;
        await first.SayAsync(Secretary, "通知 学习材料已上传");
        await first.SayAsync(Secretary, "确认");
        await WaitUntilAsync(() => first.Messenger.Sent.Count == 3);
        var second = new BotHarness(_connection, first.BranchId);
        await second.Rounds.StartAsync(CancellationToken.None);
        await second.SettleAsync();
        Assert.Empty(second.Messenger.Sent); // at start-up the first host still held the lease

        await ExpireLeaseAsync(first, second); // the first host stalled
        second.Time.Advance(NoticeRounds.LeaseTime); // the running host's next maintenance passes
        await WaitUntilAsync(() => second.SentTo(Secretary).Count == 1, "the running host's scan resumed the round and reported");
        await second.SettleAsync();
        await first.Rounds.StopAsync(new CancellationToken(canceled: true));
        await second.Rounds.StopAsync(CancellationToken.None);

        await AssertFinishedOnceAsync(first, second);
    }

    [Fact]
    public async Task Notice_RoundCannotBeSaved_TurnAnswersStoreFailureAndNothingIsSent()
    {
        var h = await BranchAsync();
        await _connection.GetDatabase().StringSetAsync($"pa:notice:rounds:processing:{h.Rounds.InstanceId}", "not a list"); // every save fails (WRONGTYPE)
        await h.SayAsync(Secretary, "通知 明天开会");

        var reply = await h.SayOneAsync(Secretary, "确认");
        await h.SettleAsync();

        Assert.Equal("服务暂时不可用，请稍后再试。", reply.Text);
        Assert.Empty(h.Messenger.Sent);
        Assert.Empty(await new MemberActivityStore(_connection).GetNoticesAsync(h.BranchId, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Nudge_FinishedRound_LeavesNothingPendingAndARestartSendsNothing()
    {
        var h = await BranchAsync();
        await h.SayAsync(Secretary, "催办 党费");
        await h.SettleAsync();
        var sent = h.Messenger.Sent.Count;

        var restarted = new BotHarness(_connection, h.BranchId);
        await restarted.Rounds.StartAsync(CancellationToken.None);
        await restarted.SettleAsync();

        var addressed = Members.Length; // the secretary has not paid either, but 催办 never nudges its sender (issue 9)
        Assert.Equal(addressed + 1, sent); // everyone once, and the report
        Assert.Single(h.SentTo(Secretary), r => r.StartsWith("催办“", StringComparison.Ordinal) && r.Contains($"已送达 {addressed}/{addressed}", StringComparison.Ordinal));
        Assert.Equal(0, await UnfinishedRoundsAsync());
        Assert.Empty(restarted.Messenger.Sent);
    }

    private async Task<BotHarness> BranchAsync()
    {
        var h = new BotHarness(_connection);
        var codes = await h.CreateBranchAsync([(Secretary, "党支部书记"), .. Members.Select(m => (m, "党员"))]);
        await h.BindAllAsync(codes, [Secretary, .. Members]);
        return h;
    }

    /// <summary>The rounds' lease hash: field = process, value = lease expiry (unix ms on that process's clock).</summary>
    private static readonly RedisKey Workers = "pa:notice:rounds:workers";

    /// <summary>Makes <paramref name="holder"/>'s lease lapse as <paramref name="observer"/>'s clock sees it (the holder stalled).</summary>
    private async Task ExpireLeaseAsync(BotHarness holder, BotHarness observer) =>
        await _connection.GetDatabase().HashSetAsync(Workers, holder.Rounds.InstanceId, observer.Time.GetUtcNow().AddSeconds(-1).ToUnixTimeMilliseconds());

    /// <summary>Rounds waiting in the queue or held by any process.</summary>
    private async Task<long> UnfinishedRoundsAsync()
    {
        var db = _connection.GetDatabase();
        var unfinished = await db.ListLengthAsync("pa:notice:rounds:queue") + await db.SortedSetLengthAsync("pa:notice:rounds:delayed");
        await foreach (var key in _connection.GetServer(_connection.GetEndPoints()[0]).KeysAsync(pattern: "pa:notice:rounds:processing:*"))
        {
            unfinished += await db.ListLengthAsync(key);
        }

        return unfinished;
    }

    /// <summary>
    /// Moves both hosts' fake clocks <paramref name="steps"/> renewal periods on while the first host's round is stuck in
    /// its sends, and asserts the first host's lease is renewed each time and the second host takes nothing over (a lease
    /// not renewed lapses after three steps).
    /// </summary>
    private async Task AssertLeaseRenewedAsync(BotHarness first, BotHarness second, int steps)
    {
        var db = _connection.GetDatabase();
        var step = NoticeRounds.LeaseTime / 3;
        async Task<long> LeaseAsync() => (long)await db.HashGetAsync(Workers, first.Rounds.InstanceId);
        for (var i = 0; i < steps; i++)
        {
            Assert.True(await LeaseAsync() > first.Time.GetUtcNow().ToUnixTimeMilliseconds(), $"lease held at step {i}");
            first.Time.Advance(step);
            second.Time.Advance(step);
            var renewed = (first.Time.GetUtcNow() + NoticeRounds.LeaseTime).ToUnixTimeMilliseconds();
            await WaitUntilAsync(async () => await LeaseAsync() >= renewed, $"lease renewed at step {i}");
            Assert.Equal(0, await second.Rounds.ResumePendingAsync());
        }
    }

    private async Task AssertFinishedOnceAsync(BotHarness first, BotHarness second)
    {
        var counts = Members.ToDictionary(m => m, m => first.SentTo(m).Count + second.SentTo(m).Count);
        Assert.All(counts, c => Assert.InRange(c.Value, 0, 1)); // nobody twice
        var reached = counts.Where(c => c.Value == 1).Select(c => c.Key).ToArray();
        var missed = counts.Where(c => c.Value == 0).Select(c => c.Key).ToArray();
        Assert.Equal(3, Members.Count(m => first.SentTo(m).Count == 1));
        Assert.Contains(Members, m => second.SentTo(m).Count == 1); // members never claimed are sent by the second host

        // One report, from the second host, counting what really happened; members whose send was cut off are failed (at most once).
        Assert.Empty(first.SentTo(Secretary));
        var report = Assert.Single(second.SentTo(Secretary));
        Assert.StartsWith($"通知发送完成：已送达 {reached.Length}/{Members.Length}", report, StringComparison.Ordinal);
        if (missed.Length > 0)
        {
            Assert.Contains($"{missed.Length} 人发送失败", report, StringComparison.Ordinal);
            Assert.All(missed, m => Assert.Contains(m, report, StringComparison.Ordinal));
        }

        Assert.All(reached, m => Assert.DoesNotContain(m, report, StringComparison.Ordinal));
        var logged = Assert.Single(await new MemberActivityStore(_connection).GetNoticesAsync(first.BranchId, 10, CancellationToken.None));
        Assert.Equal(reached.Length, logged.Delivered);
        Assert.Equal(0, await UnfinishedRoundsAsync());
        Assert.Equal(0, await new BotHarness(_connection, first.BranchId).Rounds.ResumePendingAsync());
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what = "The first host did not reach the expected point in time.")
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what);
            await Task.Delay(20);
        }
    }

    private static async Task<bool> PingsAsync(ConnectionMultiplexer connection)
    {
        try
        {
            await connection.GetDatabase().PingAsync();
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what);
            await Task.Delay(20);
        }
    }
}
