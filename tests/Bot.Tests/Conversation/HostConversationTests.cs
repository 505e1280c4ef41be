using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>
/// The bot as the host composes it (real knowledge base, real duty catalog, real store), with the branch set up
/// through the admin API; turns run through a test adapter, without the chat protocols.
/// </summary>
public sealed class HostConversationTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Host_AdminSetupThenChat_QuestionBindConfirmAndStatusWork()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Redis:Configuration", redis.Configuration)
            .UseSetting("Admin:Token", "t0ken-for-tests"));
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t0ken-for-tests");
        var branch = "h" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name = "机关第二党支部" })).EnsureSuccessStatusCode();
        using var csv = new StringContent("姓名,角色\n王书记,党支部书记\n张三,党员\n", Encoding.UTF8, "text/csv");
        var imported = await (await admin.PostAsync(new Uri($"/api/admin/branches/{branch}/roster", UriKind.Relative), csv)).Content.ReadFromJsonAsync<JsonElement>();
        var codes = imported.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("inviteCode").GetString()!);
        var bot = factory.Services.GetRequiredService<IBot>();
        var adapter = new TestAdapter(factory.Services);
        var turn = 0;
        async Task<string> Say(string user, string text) => Assert.Single(await adapter.ProcessAsync(bot, new Activity
        {
            Type = ActivityTypes.Message,
            Id = $"{branch}-{++turn}",
            ChannelId = "emulator",
            From = new ChannelAccount { Id = $"{branch}-{user}" },
            Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = $"{branch}-{user}" },
            Text = text,
        })).Text!;

        var answer = await Say("张三", "党费多久交一次");
        Assert.Contains("党费", answer, StringComparison.Ordinal);

        Assert.StartsWith("绑定成功。张三同志", await Say("张三", "绑定 " + codes["张三"]), StringComparison.Ordinal);
        Assert.StartsWith("绑定成功。王书记同志", await Say("王书记", "绑定 " + codes["王书记"]), StringComparison.Ordinal);
        Assert.Contains("交纳党费", await Say("张三", "我的待办"), StringComparison.Ordinal);
        Assert.StartsWith("已记录：交纳党费", await Say("张三", "已交党费"), StringComparison.Ordinal);
        Assert.Contains("1/2 已完成", await Say("王书记", "完成情况 党费"), StringComparison.Ordinal);
        Assert.Equal("抱歉，完成情况仅限党支部书记、副书记、组织委员查看。", await Say("张三", "完成情况"));
    }
}
