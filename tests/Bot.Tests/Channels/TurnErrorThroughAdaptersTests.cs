using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Bot.Conversation.Commands;
using PartyAffairs.Bot.Tests.Conversation;
using PartyAffairs.Channels;
using PartyAffairs.Tests.BotFramework;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Channels;

/// <summary>
/// A turn that fails while the secretary's notice preview awaits 确认, through the real adapters of the whole host
/// (Direct Line over HTTP, DingTalk and WeCom through their signed callbacks and the inbox): the adapter's one error
/// handler sends one apology and ends the preview, so the next 确认 sends nothing.
/// </summary>
public sealed class TurnErrorThroughAdaptersTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Apology = "服务暂时不可用，请稍后再试。";
    private const string NothingPending = "当前没有待确认的操作。";
    private const string AdminToken = "turn-error-admin-token";

    [Fact]
    public async Task DirectLine_TurnFailsWhileANoticeAwaitsConfirmation_502OneApologyAndNothingLeftToConfirm()
    {
        var messenger = new RecordingMessenger();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Redis:Configuration", redis.Configuration)
            .UseSetting("Admin:Token", AdminToken)
            .UseSetting("DirectLine:Secret", BotFrameworkHost.Secret)
            .ConfigureTestServices(s =>
            {
                s.AddChatCommand<FailingCommand>();
                s.AddSingleton<IProactiveMessenger>(messenger);
            }));
        var codes = await ImportAsync(factory);
        var client = new DirectLineTestClient(factory.CreateClient());
        var (conversationId, token, _) = await client.StartConversationAsync();
        var (memberConversation, memberToken, _) = await client.StartConversationAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(memberConversation, memberToken, "绑定 " + codes["张三"])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(conversationId, token, "绑定 " + codes["王书记"])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(conversationId, token, "通知 明天下午开会")).StatusCode);

        using var failed = await client.PostMessageAsync(conversationId, token, FailingCommand.Text);
        using var confirmed = await client.PostMessageAsync(conversationId, token, "确认");

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var transcript = (await client.GetAllActivitiesAsync(conversationId, token))
            .Where(a => a.GetProperty("type").GetString() == "message")
            .Select(a => (Role: a.GetProperty("from").GetProperty("role").GetString(), Text: a.GetProperty("text").GetString()))
            .ToList();
        var failure = transcript.FindIndex(a => a.Text == FailingCommand.Text);
        Assert.Equal([("user", FailingCommand.Text), ("bot", Apology), ("user", "确认"), ("bot", NothingPending)], transcript[failure..]);
        await Task.Delay(200);
        Assert.Empty(messenger.Sent);
    }

    [Theory]
    [InlineData("dingtalk")]
    [InlineData("wecom")]
    public async Task Platform_TurnFailsWhileANoticeAwaitsConfirmation_OneApologyAndNothingLeftToConfirm(string platform)
    {
        await using var chat = await PlatformChat.StartAsync(redis, platform, services: s => s.AddChatCommand<FailingCommand>());
        var roster = await chat.ImportRosterAsync("姓名,角色\n王书记,党支部书记\n张三,党员\n");
        var (secretary, member) = ("wsj-" + Guid.NewGuid().ToString("N")[..8], "zs-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.StartsWith("绑定成功", (await chat.SayAsync(secretary, "绑定 " + roster["王书记"].Code))[0], StringComparison.Ordinal);
        Assert.StartsWith("绑定成功", (await chat.SayAsync(member, "绑定 " + roster["张三"].Code))[0], StringComparison.Ordinal);
        Assert.StartsWith("通知预览", (await chat.SayAsync(secretary, "通知 明天下午开会"))[0], StringComparison.Ordinal);

        Assert.Equal(Apology, (await chat.SayAsync(secretary, FailingCommand.Text))[0]);
        Assert.Equal(NothingPending, (await chat.SayAsync(secretary, "确认"))[0]);

        var received = chat.ReceivedBy(secretary);
        Assert.Equal([Apology, NothingPending], received.Skip(received.Count - 2));
        Assert.Single(received, Apology);
        Assert.DoesNotContain(chat.ReceivedBy(member), t => t.Contains("明天下午开会", StringComparison.Ordinal));
    }

    private static async Task<Dictionary<string, string>> ImportAsync(WebApplicationFactory<Program> factory)
    {
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        var branch = "e" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name = "机关第五党支部" })).EnsureSuccessStatusCode();
        using var csv = new StringContent("姓名,角色\n王书记,党支部书记\n张三,党员\n", Encoding.UTF8, "text/csv");
        var imported = await (await admin.PostAsync(new Uri($"/api/admin/branches/{branch}/roster", UriKind.Relative), csv)).Content.ReadFromJsonAsync<JsonElement>();
        return imported.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("inviteCode").GetString()!);
    }
}
