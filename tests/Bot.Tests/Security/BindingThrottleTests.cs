using PartyAffairs.Bot.Conversation;
using PartyAffairs.Bot.State;
using PartyAffairs.Bot.Tests.Conversation;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Security;

/// <summary>
/// Invite codes cannot be guessed (issue 14, item 4): attempts are limited per chat account and for everyone together,
/// codes expire, and a claimed code never works again. Each test runs on its own redis-server (the limits are shared
/// through the store).
/// </summary>
public sealed class BindingThrottleTests : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();

    public Task InitializeAsync() => _redis.InitializeAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    private static string WrongCode(int i) => "绑定 " + InviteCodes.Alphabet[i % 31] + InviteCodes.Alphabet[(i / 31) % 31] + "ZZZZ";

    [Fact]
    public async Task WrongCodes_OneAccount_ThrottledAfterFiveAndTheRightCodeWaitsToo()
    {
        var bot = new BotHarness(_redis.Connection);
        var codes = await bot.CreateBranchAsync(("张三", "党员"));

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Replies.BindInvalid, (await bot.SayOneAsync("guesser", WrongCode(i))).Text);
        }

        Assert.Equal(Replies.BindTooManyAttempts, (await bot.SayOneAsync("guesser", WrongCode(5))).Text);
        Assert.Equal(Replies.BindTooManyAttempts, (await bot.SayOneAsync("guesser", "绑定 " + codes["张三"])).Text);
        Assert.Null(await bot.Roster.GetBoundMemberIdAsync(BotHarness.Channel, bot.User("guesser"), CancellationToken.None));

        // Another account is not affected; after the window the guesser may try again.
        Assert.StartsWith("绑定成功", (await bot.SayOneAsync("张三", "绑定 " + codes["张三"])).Text, StringComparison.Ordinal);
        bot.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(Replies.BindInvalid, (await bot.SayOneAsync("guesser", WrongCode(6))).Text);
    }

    [Fact]
    public async Task WrongCodes_ManyNewChatUsers_ThrottledOverall()
    {
        var bot = new BotHarness(_redis.Connection);
        await bot.CreateBranchAsync(("张三", "党员"));
        var throttled = 0;

        // Every guess from a new chat user (a new chat token each time): the per-account limit never applies.
        for (var i = 0; i < 260; i++)
        {
            if ((await bot.SayOneAsync($"new-user-{i}", WrongCode(i))).Text == Replies.BindTooManyAttempts)
            {
                throttled++;
            }
        }

        Assert.Equal(60, throttled); // the default overall limit is 200 attempts per 15 minutes
    }

    [Fact]
    public async Task SuccessfulBinds_DoNotUseUpTheOverallBudget()
    {
        var bot = new BotHarness(_redis.Connection);
        var roster = Enumerable.Range(0, 210).Select(i => ($"成员{i}", "党员")).ToArray();
        var codes = await bot.CreateBranchAsync(roster);

        foreach (var (name, _) in roster)
        {
            Assert.StartsWith("绑定成功", (await bot.SayOneAsync(name, "绑定 " + codes[name])).Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ExpiredCode_IsRefused_AndAReissuedCodeBinds()
    {
        var bot = new BotHarness(_redis.Connection);
        var codes = await bot.CreateBranchAsync(("张三", "党员"), ("李四", "党员"));
        var invites = await bot.Roster.ListInvitesAsync(bot.BranchId, CancellationToken.None);
        Assert.All(invites, i => Assert.Equal(bot.Time.GetUtcNow() + TimeSpan.FromDays(14), i.ExpiresAt));

        bot.Time.Advance(TimeSpan.FromDays(13));
        Assert.StartsWith("绑定成功", (await bot.SayOneAsync("李四", "绑定 " + codes["李四"])).Text, StringComparison.Ordinal);
        bot.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(Replies.BindInvalid, (await bot.SayOneAsync("张三", "绑定 " + codes["张三"])).Text);
        Assert.Empty(await bot.Roster.ListInvitesAsync(bot.BranchId, CancellationToken.None));

        var memberId = (await bot.Roster.ListMembersAsync(bot.BranchId, CancellationToken.None)).Single(m => m.Name == "张三").Id;
        var reissued = await bot.Roster.IssueInviteAsync(memberId, CancellationToken.None);
        Assert.NotNull(reissued);
        var listed = Assert.Single(await bot.Roster.ListInvitesAsync(bot.BranchId, CancellationToken.None));
        Assert.Equal(reissued, listed.Code);
        Assert.Equal(bot.Time.GetUtcNow() + TimeSpan.FromDays(14), listed.ExpiresAt);
        Assert.StartsWith("绑定成功", (await bot.SayOneAsync("张三", "绑定 " + reissued)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoundSecretarysCode_NeverWorksAgain()
    {
        var bot = new BotHarness(_redis.Connection);
        var codes = await bot.CreateBranchAsync(("王书记", "党支部书记"));
        Assert.StartsWith("绑定成功", (await bot.SayOneAsync("王书记", "绑定 " + codes["王书记"])).Text, StringComparison.Ordinal);

        Assert.Equal(Replies.BindInvalid, (await bot.SayOneAsync("someone-else", "绑定 " + codes["王书记"])).Text);
        Assert.Null(await bot.Roster.GetBoundMemberIdAsync(BotHarness.Channel, bot.User("someone-else"), CancellationToken.None));

        // Importing the roster again does not give the bound secretary a new code either.
        var again = await bot.Roster.ImportAsync(bot.BranchId, [new NewMember("王书记", "党支部书记", null)], CancellationToken.None);
        Assert.Null(Assert.Single(again).InviteCode);
    }

    [Theory]
    [InlineData("绑定 \uFFFE")]
    [InlineData("绑定 AB\uFFFECD")]
    [InlineData("\uFFFE")]
    [InlineData("你好\uD800")]
    [InlineData("党费多久交一次\uFFFF")]
    public async Task InvalidCodePoints_GetANormalAnswer(string text)
    {
        var bot = new BotHarness(_redis.Connection);
        await bot.CreateBranchAsync(("张三", "党员"));

        var reply = await bot.SayOneAsync("someone", text);

        Assert.False(string.IsNullOrEmpty(reply.Text));
        Assert.NotEqual(Replies.Unavailable, reply.Text);
    }
}
