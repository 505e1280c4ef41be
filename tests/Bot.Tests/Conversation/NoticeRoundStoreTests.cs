using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Bot.Conversation;
using PartyAffairs.Bot.Tests.State;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Delivery;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>
/// The round store's claims and its place in the rounds' work queue, against both stores (the embedded Garnet must honour
/// them as Redis does): a saved round belongs to the process that saved it until that process hands it back (stop) or
/// its lease lapses (crash); members are claimed once whoever runs the round.
/// </summary>
public abstract class NoticeRoundStoreTests(IConnectionMultiplexer connection) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    /// <summary>Each test starts with an empty rounds queue (the store is shared by the class's tests).</summary>
    public async Task InitializeAsync()
    {
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var keys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: "pa:notice*"))
        {
            keys.Add(key);
        }

        if (keys.Count > 0)
        {
            await connection.GetDatabase().KeyDeleteAsync([.. keys]);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private NoticeRoundStore Store() => new(connection, new DeliveryInstance(), _clock);

    [Fact]
    public async Task Lease_HeldByOneProcess_OthersCannotTakeOrHandItBack()
    {
        var holder = Store();
        var round = await SaveAsync(holder);
        var other = Store();

        Assert.Equal(0, (await other.Queue.RecoverAsync(hook: null)).Total);
        Assert.Null(await other.Queue.TakeAsync());
        Assert.Equal(0, (await other.Queue.ReturnAllAsync(other.Instance, hook: null)).Total);
        Assert.Null(await other.Queue.TakeAsync());
        Assert.Contains((RedisValue)round.Id, await holder.Queue.ProcessingAsync());
    }

    [Fact]
    public async Task Lease_HandedBackByItsHolder_AnotherProcessTakesItAndTheHolderNoLongerHasIt()
    {
        var holder = Store();
        var round = await SaveAsync(holder);
        var other = Store();

        Assert.Equal(1, (await holder.Queue.ReturnAllAsync(holder.Instance, hook: null)).Returned);

        Assert.Equal(round.Id, (await other.Queue.TakeAsync()).ToString());
        Assert.Empty(await holder.Queue.ProcessingAsync());
        await holder.Queue.CompleteAsync(round.Id);
        Assert.Contains((RedisValue)round.Id, await other.Queue.ProcessingAsync());
        Assert.Equal(round.Text, (await other.LoadAsync(round.Id))!.Text);
    }

    [Fact]
    public async Task Lease_HolderCrashed_TakenOverOnlyOnceItsLeaseLapsed()
    {
        var holder = Store();
        var round = await SaveAsync(holder);
        var other = Store();

        _clock.Advance(NoticeRounds.LeaseTime - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await other.Queue.RecoverAsync(hook: null)).Total);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, (await other.Queue.RecoverAsync(hook: null)).Returned);

        Assert.Equal(round.Id, (await other.Queue.TakeAsync()).ToString());
    }

    [Fact]
    public async Task Claim_SameMemberTwice_OnlyTheFirstWinsAndFinishKeepsTheClaims()
    {
        var store = Store();
        var round = await SaveAsync(store);
        var field = NoticeRoundStore.MemberField("m1");

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.TryBeginAsync(round.Id, field)));
        await store.SettleAsync(round.Id, field, sent: true);
        await store.FinishAsync(round.Id);
        await store.Queue.CompleteAsync(round.Id);

        Assert.Equal(1, claims.Count(c => c));
        Assert.DoesNotContain((RedisValue)round.Id, await store.Queue.ProcessingAsync());
        Assert.Null(await store.LoadAsync(round.Id));
        Assert.Equal(NoticeRoundStore.Sent, (await store.StatesAsync(round.Id))[field]);
        Assert.False(await store.TryBeginAsync(round.Id, field)); // a stalled process that lost its lease still finds the member claimed
    }

    [Fact]
    public async Task MigrateLegacy_RoundOfTheFormerLayout_QueuedOnceItsOldLeaseIsFree()
    {
        var store = Store();
        var round = Round();
        var db = connection.GetDatabase();
        await db.StringSetAsync($"pa:notice:{round.Id}", System.Text.Json.JsonSerializer.Serialize(round, PartyAffairs.Bot.State.StoreJson.Options));
        await db.SetAddAsync("pa:notices:pending", round.Id);
        await db.StringSetAsync($"pa:notice:{round.Id}:lease", "old-process", TimeSpan.FromMinutes(1));

        Assert.Equal(0, await store.MigrateLegacyAsync());
        await db.KeyDeleteAsync($"pa:notice:{round.Id}:lease");
        var moved = await Task.WhenAll(store.MigrateLegacyAsync(), Store().MigrateLegacyAsync());

        Assert.Equal(1, moved.Sum());
        Assert.False(await db.SetContainsAsync("pa:notices:pending", round.Id));
        Assert.Equal(round.Id, (await store.Queue.TakeAsync()).ToString());
        Assert.Null(await store.Queue.TakeAsync());
        Assert.Equal(round.Text, (await store.LoadAsync(round.Id))!.Text);
    }

    private static StoredNoticeRound Round()
    {
        var reference = new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount { Id = "c1" }, User = new ChannelAccount { Id = "u1" } };
        return new StoredNoticeRound
        {
            Id = Guid.NewGuid().ToString("N"),
            BranchId = "b1",
            Text = "明天开会",
            Recipients = [new StoredRecipient("m1", "张三", reference)],
            Unreachable = ["李四"],
            ReportTo = reference,
            Report = NoticeReportKind.Notice,
        };
    }

    private static async Task<StoredNoticeRound> SaveAsync(NoticeRoundStore store)
    {
        var round = Round();
        await store.SaveAsync(round, CancellationToken.None);
        return round;
    }
}

/// <summary>The round store against a real redis-server.</summary>
public sealed class NoticeRoundStoreOnRedisTests(RedisServerFixture fixture) : NoticeRoundStoreTests(fixture.Connection), IClassFixture<RedisServerFixture>;

/// <summary>The round store against the embedded Garnet.</summary>
public sealed class NoticeRoundStoreOnGarnetTests(GarnetServerFixture fixture) : NoticeRoundStoreTests(fixture.Connection), IClassFixture<GarnetServerFixture>;
