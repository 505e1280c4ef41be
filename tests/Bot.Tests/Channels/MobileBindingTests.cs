using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Bot.State;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Channels;

/// <summary>
/// Binding a DingTalk staff id / WeCom userid by the roster's mobile number: the real bot, store and roster import, with
/// the platform's user-detail endpoint on a loopback fake that checks the access token and records the user ids asked for.
/// </summary>
public sealed class MobileBindingTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string NotBoundPrompt = "绑定 邀请码";

    [Theory]
    [InlineData("dingtalk")]
    [InlineData("wecom")]
    public async Task Message_UnboundUserWhoseContactMobileIsOnRoster_BindsThenAnswersTheMessage(string platform)
    {
        await using var chat = await PlatformChat.StartAsync(redis, platform);
        var mobile = NewMobile();
        var roster = await chat.ImportRosterAsync($"姓名,角色,手机号\n王书记,党支部书记,{NewMobile()}\n张三,党员,{mobile[..3]}-{mobile[3..7]}-{mobile[7..]}\n");
        // The platform writes the number its own way; DingTalk adds state_code 86, WeCom may prefix +86.
        chat.Contacts.Mobiles["zs-" + platform] = platform == "wecom" ? "+86 " + mobile : mobile;

        var replies = await chat.SayAsync("zs-" + platform, "党费多久交一次", replies: 2);

        Assert.StartsWith("已根据通讯录手机号将您绑定为张三同志", replies[0], StringComparison.Ordinal);
        Assert.Contains("党费", replies[1], StringComparison.Ordinal);
        Assert.Equal(roster["张三"].Id, await chat.BoundMemberAsync("zs-" + platform));
        Assert.Equal(["zs-" + platform], chat.Contacts.Lookups);
        Assert.Empty(chat.Violations);

        // Bound now: the next message is a member's, and the contacts are not asked again.
        var duties = await chat.SayAsync("zs-" + platform, "我的待办");
        Assert.DoesNotContain(NotBoundPrompt, duties[0], StringComparison.Ordinal);
        Assert.Single(chat.Contacts.Lookups);
    }

    [Theory]
    [InlineData("dingtalk", 60011L)]
    [InlineData("dingtalk", null)]
    [InlineData("wecom", 60011L)]
    [InlineData("wecom", null)]
    public async Task Message_ContactsGiveNoMobile_FallsBackToInviteCodeAndBindsNothing(string platform, long? refusalCode)
    {
        await using var chat = await PlatformChat.StartAsync(redis, platform);
        await chat.ImportRosterAsync($"姓名,角色,手机号\n张三,党员,{NewMobile()}\n");
        // Either the app lacks the permission (errcode), or the platform returns the user without the mobile field.
        chat.Contacts.RefusalCode = refusalCode;
        chat.Contacts.Mobiles["nomobile"] = null;

        var replies = await chat.SayAsync("nomobile", "我的待办");

        Assert.Contains(NotBoundPrompt, replies[0], StringComparison.Ordinal);
        Assert.Null(await chat.BoundMemberAsync("nomobile"));
        Assert.Equal(["nomobile"], chat.Contacts.Lookups);
        Assert.Empty(chat.Violations);
    }

    [Theory]
    [InlineData("dingtalk")]
    [InlineData("wecom")]
    public async Task Message_TwoRosterMembersShareTheMobile_FallsBackAndBindsNothing(string platform)
    {
        await using var chat = await PlatformChat.StartAsync(redis, platform);
        var shared = NewMobile();
        await chat.ImportRosterAsync($"姓名,角色,手机号\n张三,党员,{shared}\n李四,党员,{shared}\n");
        chat.Contacts.Mobiles["shared"] = shared;

        var replies = await chat.SayAsync("shared", "我的待办");

        Assert.Contains(NotBoundPrompt, replies[0], StringComparison.Ordinal);
        Assert.Null(await chat.BoundMemberAsync("shared"));
        Assert.Single(chat.Contacts.Lookups);
    }

    [Theory]
    [InlineData("dingtalk")]
    [InlineData("wecom")]
    public async Task Message_ContactsNeverAnswer_FallsBackAfterTheLookupTimeout(string platform)
    {
        var key = platform == "dingtalk" ? "DingTalk" : "WeCom";
        await using var chat = await PlatformChat.StartAsync(redis, platform, new Dictionary<string, string> { [$"{key}:MobileBinding:Timeout"] = "00:00:00.500" });
        var mobile = NewMobile();
        await chat.ImportRosterAsync($"姓名,角色,手机号\n张三,党员,{mobile}\n");
        chat.Contacts.Mobiles["down"] = mobile;
        chat.Contacts.Hang = true;

        // The fake never answers; the member still gets the invite-code prompt (SayAsync waits at most 10 s).
        var replies = await chat.SayAsync("down", "我的待办");

        Assert.Contains(NotBoundPrompt, replies[0], StringComparison.Ordinal);
        Assert.Null(await chat.BoundMemberAsync("down"));
        Assert.Single(chat.Contacts.Lookups);
    }

    [Theory]
    [InlineData("dingtalk")]
    [InlineData("wecom")]
    public async Task Message_AlreadyBoundUser_NoLookupReachesThePlatform(string platform)
    {
        await using var chat = await PlatformChat.StartAsync(redis, platform);
        var mobile = NewMobile();
        var roster = await chat.ImportRosterAsync($"姓名,角色,手机号\n张三,党员,{mobile}\n");
        chat.Contacts.Mobiles["bound"] = mobile;
        var claim = await chat.Services.GetRequiredService<RosterStore>().ClaimInviteAsync(roster["张三"].Code, platform, "bound", CancellationToken.None);
        Assert.Equal(BindOutcome.Bound, claim.Outcome);

        var replies = await chat.SayAsync("bound", "我的待办");

        Assert.DoesNotContain(NotBoundPrompt, replies[0], StringComparison.Ordinal);
        Assert.Empty(chat.Contacts.Lookups);
    }

    [Theory]
    [InlineData("dingtalk")]
    [InlineData("wecom")]
    public async Task Message_MobileBindingSwitchedOff_NoLookupAndInviteCodePrompt(string platform)
    {
        var key = platform == "dingtalk" ? "DingTalk" : "WeCom";
        await using var chat = await PlatformChat.StartAsync(redis, platform, new Dictionary<string, string> { [$"{key}:MobileBinding:Enabled"] = "false" });
        var mobile = NewMobile();
        await chat.ImportRosterAsync($"姓名,角色,手机号\n张三,党员,{mobile}\n");
        chat.Contacts.Mobiles["off"] = mobile;

        var replies = await chat.SayAsync("off", "我的待办");

        Assert.Contains(NotBoundPrompt, replies[0], StringComparison.Ordinal);
        Assert.Null(await chat.BoundMemberAsync("off"));
        Assert.Empty(chat.Contacts.Lookups);
    }

    [Theory]
    [InlineData("dingtalk")]
    [InlineData("wecom")]
    public async Task Message_CachedTokenRevokedBeforeLookup_FetchesANewTokenAndBinds(string platform)
    {
        await using var chat = await PlatformChat.StartAsync(redis, platform);
        var mobile = NewMobile();
        var roster = await chat.ImportRosterAsync($"姓名,角色,手机号\n张三,党员,{mobile}\n");
        chat.Contacts.Mobiles["first"] = null;
        chat.Contacts.Mobiles["second"] = mobile;
        await chat.SayAsync("first", "我的待办");
        var tokens = chat.TokensIssued;
        chat.RevokeTokens();

        var replies = await chat.SayAsync("second", "我的待办", replies: 2);

        Assert.StartsWith("已根据通讯录手机号将您绑定为张三同志", replies[0], StringComparison.Ordinal);
        Assert.Equal(roster["张三"].Id, await chat.BoundMemberAsync("second"));
        Assert.True(chat.TokensIssued > tokens);
    }

    [Fact]
    public async Task Message_NoMatchForUser_NotLookedUpAgainWithinRetryAfter()
    {
        await using var chat = await PlatformChat.StartAsync(redis, "wecom");
        await chat.ImportRosterAsync($"姓名,角色,手机号\n张三,党员,{NewMobile()}\n");
        chat.Contacts.Mobiles["stranger"] = NewMobile();

        await chat.SayAsync("stranger", "我的待办");
        var second = await chat.SayAsync("stranger", "我的待办");

        Assert.Contains(NotBoundPrompt, second[0], StringComparison.Ordinal);
        Assert.Single(chat.Contacts.Lookups);
    }

    [Fact]
    public async Task DingTalkGroupMessage_UnboundUser_NoLookup()
    {
        await using var chat = await PlatformChat.StartAsync(redis, "dingtalk");
        var mobile = NewMobile();
        await chat.ImportRosterAsync($"姓名,角色,手机号\n张三,党员,{mobile}\n");
        chat.Contacts.Mobiles["ingroup"] = mobile;

        var replies = await chat.SayAsync("ingroup", "我的待办", group: true);

        // A confirmation naming the member is never posted into a group; binding waits for a one-to-one chat.
        Assert.Contains(NotBoundPrompt, replies[0], StringComparison.Ordinal);
        Assert.Empty(chat.Contacts.Lookups);
        Assert.Null(await chat.BoundMemberAsync("ingroup"));
    }

    [Fact]
    public async Task BindCommand_UnboundUserWhoseMobileMatches_BindsByMobileAndKeepsTheInviteCode()
    {
        await using var chat = await PlatformChat.StartAsync(redis, "dingtalk");
        var mobile = NewMobile();
        var roster = await chat.ImportRosterAsync($"姓名,角色,手机号\n张三,党员,{mobile}\n");
        chat.Contacts.Mobiles["withcode"] = mobile;

        var replies = await chat.SayAsync("withcode", "绑定 " + roster["张三"].Code);

        Assert.StartsWith("已根据通讯录手机号将您绑定为张三同志", Assert.Single(replies), StringComparison.Ordinal);
        Assert.Equal(roster["张三"].Id, await chat.BoundMemberAsync("withcode"));
        // The code still binds another channel (Web Chat) once.
        var web = await chat.Services.GetRequiredService<RosterStore>().ClaimInviteAsync(roster["张三"].Code, "directline", "web-user", CancellationToken.None);
        Assert.Equal(BindOutcome.Bound, web.Outcome);
    }

    [Theory]
    [InlineData("dingtalk")]
    [InlineData("wecom")]
    public async Task Lookups_MatchNoMatchAndTimeout_NeverLogTheMobileNumbers(string platform)
    {
        var key = platform == "dingtalk" ? "DingTalk" : "WeCom";
        var logs = new CapturingLoggerProvider();
        await using var chat = await PlatformChat.StartAsync(redis, platform, new Dictionary<string, string> { [$"{key}:MobileBinding:Timeout"] = "00:00:00.500" }, logs);
        var (member, stranger) = (NewMobile(), NewMobile());
        await chat.ImportRosterAsync($"姓名,角色,手机号\n张三,党员,{member}\n");
        chat.Contacts.Mobiles["a"] = member;
        chat.Contacts.Mobiles["b"] = stranger;

        await chat.SayAsync("a", "我的待办", replies: 2);
        await chat.SayAsync("b", "我的待办");
        chat.Contacts.Hang = true;
        await chat.SayAsync("c", "我的待办");

        var all = string.Join('\n', logs.Lines);
        Assert.Contains($"{platform} mobile lookup failed", all, StringComparison.Ordinal);
        foreach (var number in new[] { member, stranger, member[3..], stranger[3..] })
        {
            Assert.DoesNotContain(number, all, StringComparison.Ordinal);
        }
    }

    // A fresh mainland mobile number per test, so rosters of other tests in the same store never match.
    private static string NewMobile() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
}
