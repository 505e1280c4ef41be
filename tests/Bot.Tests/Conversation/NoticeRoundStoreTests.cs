using PartyAffairs.Bot.Conversation;
using PartyAffairs.Bot.Tests.State;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>The round store's claims and leases, against both stores (the embedded Garnet must honour them as Redis does).</summary>
public abstract class NoticeRoundStoreTests(IConnectionMultiplexer connection)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Lease_HeldByOneProcess_OthersCannotTakeRenewOrReleaseIt()
    {
        var round = await SaveAsync(new NoticeRoundStore(connection));
        var other = new NoticeRoundStore(connection);

        Assert.False(await other.TryLeaseAsync(round.Id, Lease));
        Assert.False(await other.RenewAsync(round.Id, Lease));
        await other.ReleaseAsync(round.Id);
        Assert.False(await other.TryLeaseAsync(round.Id, Lease));
    }

    [Fact]
    public async Task Lease_ReleasedByItsHolder_AnotherProcessTakesItAndTheHolderCannotRenew()
    {
        var holder = new NoticeRoundStore(connection);
        var round = await SaveAsync(holder);
        var other = new NoticeRoundStore(connection);

        Assert.True(await holder.RenewAsync(round.Id, Lease));
        await holder.ReleaseAsync(round.Id);

        Assert.True(await other.TryLeaseAsync(round.Id, Lease));
        Assert.False(await holder.RenewAsync(round.Id, Lease));
        Assert.Equal(round.Text, (await other.LoadAsync(round.Id))!.Text);
        Assert.Contains(round.Id, await other.PendingAsync());
    }

    [Fact]
    public async Task Claim_SameMemberTwice_OnlyTheFirstWinsAndFinishKeepsTheClaims()
    {
        var store = new NoticeRoundStore(connection);
        var round = await SaveAsync(store);
        var field = NoticeRoundStore.MemberField("m1");

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.TryBeginAsync(round.Id, field)));
        await store.SettleAsync(round.Id, field, sent: true);
        await store.FinishAsync(round.Id);

        Assert.Equal(1, claims.Count(c => c));
        Assert.DoesNotContain(round.Id, await store.PendingAsync());
        Assert.Null(await store.LoadAsync(round.Id));
        Assert.Equal(NoticeRoundStore.Sent, (await store.StatesAsync(round.Id))[field]);
        Assert.False(await store.TryBeginAsync(round.Id, field)); // a stalled process that lost its lease still finds the member claimed
    }

    private static async Task<StoredNoticeRound> SaveAsync(NoticeRoundStore store)
    {
        var reference = new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount { Id = "c1" }, User = new ChannelAccount { Id = "u1" } };
        var round = new StoredNoticeRound
        {
            Id = Guid.NewGuid().ToString("N"),
            BranchId = "b1",
            Text = "明天开会",
            Recipients = [new StoredRecipient("m1", "张三", reference)],
            Unreachable = ["李四"],
            ReportTo = reference,
            Report = NoticeReportKind.Notice,
        };
        await store.SaveAsync(round, Lease, CancellationToken.None);
        return round;
    }
}

/// <summary>The round store against a real redis-server.</summary>
public sealed class NoticeRoundStoreOnRedisTests(RedisServerFixture fixture) : NoticeRoundStoreTests(fixture.Connection), IClassFixture<RedisServerFixture>;

/// <summary>The round store against the embedded Garnet.</summary>
public sealed class NoticeRoundStoreOnGarnetTests(GarnetServerFixture fixture) : NoticeRoundStoreTests(fixture.Connection), IClassFixture<GarnetServerFixture>;
