using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Bot.Tests.Conversation;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Console;

/// <summary>“管理台” in chat, through the host's bot: a sign-in link for 书记 and 组织委员, a polite refusal for other members.</summary>
public sealed partial class ConsoleCommandTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Theory]
    [InlineData("王书记", "管理台")]
    [InlineData("李委员", "打开管理台")]
    public async Task Officer_GetsAOneTimeLinkToTheOwnBranch_ThatSignsIn(string name, string text)
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        var reply = await SayAsync(host, name, text);

        Assert.Contains("仅可使用一次", reply, StringComparison.Ordinal);
        var link = new Uri(Link().Match(reply).Value);
        using var browser = host.Browser();
        var response = await browser.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/console/branches/{host.BranchA}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PartyMember_ToldItIsForOfficers_NoLink()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();

        var reply = await SayAsync(host, "张三", "管理台");

        Assert.Equal("管理台仅供党支部书记、副书记和组织委员使用。", reply);
    }

    private static async Task<string> SayAsync(ConsoleHost host, string name, string text)
    {
        var user = $"{host.BranchA}-{name}";
        var code = (await host.Roster.ListInvitesAsync(host.BranchA, CancellationToken.None)).Single(i => i.MemberId == host.People[name].Id).Code;
        await host.Roster.ClaimInviteAsync(code, "emulator", user, CancellationToken.None);
        var replies = await new TestAdapter(host.Services).ProcessAsync(host.Services.GetRequiredService<IBot>(), new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = "emulator",
            ServiceUrl = "http://127.0.0.1:9/",
            From = new ChannelAccount { Id = user },
            Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = user },
            Text = text,
        });
        return Assert.Single(replies).Text!;
    }

    [GeneratedRegex(@"https?://\S+/console/signin\?t=\S+")]
    private static partial Regex Link();
}
