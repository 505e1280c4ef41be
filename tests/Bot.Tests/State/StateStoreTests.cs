using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.State;

/// <summary>Roster, bindings, addresses, pending steps and de-duplication, run against both stores by the derived classes.</summary>
public abstract class StateStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private readonly RosterStore _roster;
    private readonly ChannelAddressStore _addresses;
    private readonly ConversationStateStore _conversations;
    private readonly ActivityDeduplicator _dedup;
    private readonly MemberActivityStore _activity;
    private readonly string _branch = "b-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _user = "u-" + Guid.NewGuid().ToString("N")[..8];

    protected StateStoreTests(IConnectionMultiplexer connection)
    {
        _roster = new RosterStore(connection, _time);
        _addresses = new ChannelAddressStore(connection);
        _conversations = new ConversationStateStore(connection, _time);
        _dedup = new ActivityDeduplicator(connection);
        _activity = new MemberActivityStore(connection);
    }

    [Fact]
    public async Task CreateBranchAsync_NewId_CreatesOnceAndLists()
    {
        var created = await _roster.CreateBranchAsync(_branch, "机关第一党支部", CancellationToken.None);
        var again = await _roster.CreateBranchAsync(_branch, "另一个", CancellationToken.None);

        Assert.Equal("机关第一党支部", created!.Name);
        Assert.Null(again);
        Assert.Equal("机关第一党支部", (await _roster.GetBranchAsync(_branch, CancellationToken.None))!.Name);
        Assert.Contains(await _roster.ListBranchesAsync(CancellationToken.None), b => b.Id == _branch);
    }

    [Fact]
    public async Task ImportAsync_NewRows_CreatesMembersWithDistinctValidInviteCodes()
    {
        await _roster.CreateBranchAsync(_branch, "支部", CancellationToken.None);

        var imported = await _roster.ImportAsync(_branch, [new("张三", "党员", "13800000000"), new("李四", "党支部书记", null)], CancellationToken.None);

        Assert.All(imported, i => Assert.True(i.Created));
        Assert.All(imported, i => Assert.True(InviteCodes.TryNormalize(i.InviteCode, out _)));
        Assert.NotEqual(imported[0].InviteCode, imported[1].InviteCode);
        var members = await _roster.ListMembersAsync(_branch, CancellationToken.None);
        Assert.Equal(["张三", "李四"], members.Select(m => m.Name));
        Assert.Equal(2, (await _roster.ListInvitesAsync(_branch, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ImportAsync_SameNameAndMobileAgain_UpdatesRoleInsteadOfDuplicating()
    {
        await _roster.CreateBranchAsync(_branch, "支部", CancellationToken.None);
        var first = await _roster.ImportAsync(_branch, [new("张三", "党员", "13800000000")], CancellationToken.None);

        var second = await _roster.ImportAsync(_branch, [new("张三", "组织委员", "13800000000")], CancellationToken.None);

        Assert.False(second[0].Created);
        Assert.Equal(first[0].InviteCode, second[0].InviteCode);
        var member = Assert.Single(await _roster.ListMembersAsync(_branch, CancellationToken.None));
        Assert.Equal("组织委员", member.Role);
        Assert.Single(await _roster.ListInvitesAsync(_branch, CancellationToken.None));
    }

    [Fact]
    public async Task ImportAsync_UnknownBranch_Throws()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _roster.ImportAsync(_branch, [new("张三", "党员", null)], CancellationToken.None));
    }

    [Fact]
    public async Task ClaimInviteAsync_ValidCode_BindsOnceAndCodeIsSpent()
    {
        var code = await ImportOneAsync();

        var bound = await _roster.ClaimInviteAsync(code, "directline", _user, CancellationToken.None);
        var reuse = await _roster.ClaimInviteAsync(code, "directline", _user + "-other", CancellationToken.None);

        Assert.Equal(BindOutcome.Bound, bound.Outcome);
        Assert.Equal("张三", bound.Member!.Name);
        Assert.Equal(BindOutcome.InvalidCode, reuse.Outcome);
        Assert.Equal(bound.Member.Id, await _roster.GetBoundMemberIdAsync("directline", _user, CancellationToken.None));
        Assert.Empty(await _roster.ListInvitesAsync(_branch, CancellationToken.None));
        Assert.Equal([$"directline:{_user}"], (await _roster.GetAccountsAsync([bound.Member.Id], CancellationToken.None))[bound.Member.Id]);
    }

    [Fact]
    public async Task ClaimInviteAsync_AccountAlreadyBound_ReportsItAndKeepsCode()
    {
        var code = await ImportOneAsync();
        var other = (await _roster.ImportAsync(_branch, [new("李四", "党员", null)], CancellationToken.None))[0].InviteCode!;
        await _roster.ClaimInviteAsync(code, "directline", _user, CancellationToken.None);

        var result = await _roster.ClaimInviteAsync(other, "directline", _user, CancellationToken.None);

        Assert.Equal(BindOutcome.AlreadyBound, result.Outcome);
        Assert.Equal("张三", result.Member!.Name);
        Assert.Single(await _roster.ListInvitesAsync(_branch, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimInviteAsync_ConcurrentClaimsOfOneCode_ExactlyOneAccountBound()
    {
        var code = await ImportOneAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => _roster.ClaimInviteAsync(code, "directline", $"{_user}-{i}", CancellationToken.None)));

        Assert.Single(results, r => r.Outcome == BindOutcome.Bound);
        Assert.Equal(15, results.Count(r => r.Outcome == BindOutcome.InvalidCode));
    }

    [Fact]
    public async Task ClaimInviteAsync_UnknownCode_Invalid()
    {
        var result = await _roster.ClaimInviteAsync("ZZZZZZ", "directline", _user, CancellationToken.None);

        Assert.Equal(BindOutcome.InvalidCode, result.Outcome);
        Assert.Null(await _roster.GetBoundMemberIdAsync("directline", _user, CancellationToken.None));
    }

    [Fact]
    public async Task IssueInviteAsync_Member_NewCodeReplacesOld()
    {
        var old = await ImportOneAsync();
        var memberId = (await _roster.ListMembersAsync(_branch, CancellationToken.None))[0].Id;

        var code = await _roster.IssueInviteAsync(memberId, CancellationToken.None);

        Assert.NotEqual(old, code);
        Assert.Equal(BindOutcome.InvalidCode, (await _roster.ClaimInviteAsync(old, "directline", _user, CancellationToken.None)).Outcome);
        Assert.Equal(BindOutcome.Bound, (await _roster.ClaimInviteAsync(code!, "directline", _user, CancellationToken.None)).Outcome);
        Assert.Null(await _roster.IssueInviteAsync("nobody", CancellationToken.None));
    }

    [Fact]
    public async Task ChannelAddresses_SavedOnTwoChannels_PreferredIsLastUsed()
    {
        var member = "m-" + _user;
        await _addresses.SaveAsync(member, Reference("directline", "c1"), CancellationToken.None);
        await _addresses.SaveAsync(member, Reference("emulator", "c2"), CancellationToken.None);

        var preferred = await _addresses.GetPreferredAsync(member, CancellationToken.None);
        var all = await _addresses.GetAllAsync(member, CancellationToken.None);

        Assert.Equal("c2", preferred!.Conversation!.Id);
        Assert.Equal(["directline", "emulator"], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("http://127.0.0.1:1/", all["directline"].ServiceUrl);
        Assert.Null(await _addresses.GetPreferredAsync("m-none-" + _user, CancellationToken.None));
    }

    [Fact]
    public async Task PendingStep_TakenConcurrently_OnlyOneTakerGetsIt()
    {
        await _conversations.SetPendingAsync("directline", _user, Step(TimeSpan.FromMinutes(10)), CancellationToken.None);

        var taken = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _conversations.TakePendingAsync("directline", _user, CancellationToken.None)));

        Assert.Single(taken, t => t is not null);
        Assert.Null(await _conversations.GetPendingAsync("directline", _user, CancellationToken.None));
    }

    [Fact]
    public async Task PendingStep_AfterExpiryOnTheClock_IsExpiredButStillReadable()
    {
        await _conversations.SetPendingAsync("directline", _user, Step(TimeSpan.FromMinutes(10)), CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(_conversations.IsExpired((await _conversations.GetPendingAsync("directline", _user, CancellationToken.None))!));
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(_conversations.IsExpired((await _conversations.GetPendingAsync("directline", _user, CancellationToken.None))!));
    }

    [Fact]
    public async Task TryBeginAsync_SameActivityTwice_FirstOnly()
    {
        Assert.True(await _dedup.TryBeginAsync("directline", _user, CancellationToken.None));
        Assert.False(await _dedup.TryBeginAsync("directline", _user, CancellationToken.None));
        Assert.True(await _dedup.TryBeginAsync("emulator", _user, CancellationToken.None));

        await _dedup.ForgetAsync("directline", _user);
        await Task.Delay(50);

        Assert.True(await _dedup.TryBeginAsync("directline", _user, CancellationToken.None));
    }

    [Fact]
    public async Task TakeLastAsync_AfterSet_ReturnsOnceOnly()
    {
        var last = new LastConfirmation(_branch, "m1", "党费", "2026-11", Scheduler.Completion.CompletionStatus.Done);
        await _activity.SetLastAsync(_user, last, CancellationToken.None);

        Assert.Equal(last, await _activity.TakeLastAsync(_user, CancellationToken.None));
        Assert.Null(await _activity.TakeLastAsync(_user, CancellationToken.None));
    }

    [Fact]
    public async Task LogNoticeAsync_MoreThanLogLength_KeepsNewestBounded()
    {
        for (var i = 0; i < MemberActivityStore.NoticeLogLength + 5; i++)
        {
            await _activity.LogNoticeAsync(_branch, new SentNotice { Id = $"n{i}", SenderId = "m1", Text = "通知", SentAt = _time.GetUtcNow(), Delivered = 1, Recipients = 2 }, CancellationToken.None);
        }

        var notices = await _activity.GetNoticesAsync(_branch, 1000, CancellationToken.None);

        Assert.Equal(MemberActivityStore.NoticeLogLength, notices.Count);
        Assert.Equal($"n{MemberActivityStore.NoticeLogLength + 4}", notices[0].Id);
    }

    private async Task<string> ImportOneAsync()
    {
        await _roster.CreateBranchAsync(_branch, "支部", CancellationToken.None);
        return (await _roster.ImportAsync(_branch, [new("张三", "党员", null)], CancellationToken.None))[0].InviteCode!;
    }

    private PendingStep Step(TimeSpan lifetime) => new()
    {
        Kind = PendingKinds.Notice,
        Id = "a1",
        MemberId = "m1",
        BranchId = _branch,
        Text = "周五下午开会",
        RecipientCount = 3,
        ExpiresAt = _time.GetUtcNow() + lifetime,
    };

    private ConversationReference Reference(string channel, string conversation) => new()
    {
        ChannelId = channel,
        ServiceUrl = "http://127.0.0.1:1/",
        Conversation = new ConversationAccount { Id = conversation },
        User = new ChannelAccount { Id = _user },
        Bot = new ChannelAccount { Id = "bot" },
    };
}

/// <summary>The state stores against a real redis-server.</summary>
public sealed class StateStoreOnRedisTests(RedisServerFixture fixture) : StateStoreTests(fixture.Connection), IClassFixture<RedisServerFixture>;

/// <summary>The state stores against the embedded Garnet.</summary>
public sealed class StateStoreOnGarnetTests(GarnetServerFixture fixture) : StateStoreTests(fixture.Connection), IClassFixture<GarnetServerFixture>;
