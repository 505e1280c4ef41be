using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Bot.BotFramework.Schema;
using PartyAffairs.Bot.Channels;
using PartyAffairs.Bot.State;
using PartyAffairs.Bot.Tests.Channels.Fakes;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Channels;

/// <summary>
/// The real bot (conversation logic, knowledge base, store) driven through each platform adapter as members would use
/// it: ask a question, bind with the invite code, confirm completion, receive a reminder, receive a secretary's notice.
/// </summary>
public sealed class ChannelConversationEndToEndTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string AdminToken = "channels-e2e-admin-token";
    private readonly Dictionary<string, string> _admin = new() { ["Admin:Token"] = AdminToken };

    [Fact]
    public async Task DingTalk_MemberAndSecretary_QuestionBindConfirmReminderAndNotice()
    {
        await using var dingTalk = new FakeDingTalkServer(TimeProvider.System);
        await dingTalk.StartAsync();
        await using var host = ChannelTestHost.Create(redis, dingTalk, weCom: null, settings: _admin);
        using var client = host.CreateClient();
        var (codes, ids) = await SetUpBranchAsync(host);
        var turn = 0;

        async Task<string> Say(string staffId, string text)
        {
            var webhook = dingTalk.NewSessionWebhook();
            var session = webhook[(webhook.IndexOf("session=", StringComparison.Ordinal) + 8)..];
            var message = DingTalkChannelTests.Message($"e2e-{++turn}-{Guid.NewGuid():N}", text, webhook, staffId: staffId);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(DingTalkChannelTests.Callback(message))).StatusCode);
            var calls = await dingTalk.WaitForAsync(c => c.Any(x => x.Kind == "session" && x.To == session));
            return Readable(calls.Single(x => x.Kind == "session" && x.To == session));
        }

        Assert.Contains("党费", await Say("zs001", "党费多久交一次"), StringComparison.Ordinal);
        Assert.StartsWith("绑定成功。张三同志", await Say("zs001", "绑定 " + codes["张三"]), StringComparison.Ordinal);
        Assert.StartsWith("绑定成功。王书记同志", await Say("wsj001", "绑定 " + codes["王书记"]), StringComparison.Ordinal);
        var confirmed = await Say("zs001", "已交党费");
        Assert.StartsWith("已记录：交纳党费", confirmed, StringComparison.Ordinal);

        // A reminder, as the scheduler sends it: through the member's stored address, proactively (OpenAPI, one-to-one).
        await RemindAsync(host, ids["张三"], "提醒：本月主题党日将于周五举行，请准时参加。");
        var reminder = await dingTalk.WaitForAsync(c => c.Any(x => x.Kind == "oto"));
        Assert.Equal("zs001", reminder.Single(x => x.Kind == "oto").To);
        Assert.Contains("主题党日", reminder.Single(x => x.Kind == "oto").Text, StringComparison.Ordinal);

        // A notice from the secretary reaches the member; the secretary learns how many it reached.
        Assert.Contains("确认", await Say("wsj001", "通知 本周五下午3点召开支部党员大会"), StringComparison.Ordinal);
        Assert.Contains("已送达 1/1", await Say("wsj001", "确认"), StringComparison.Ordinal);
        var notices = dingTalk.Calls.Where(x => x.Kind == "oto" && x.Text.Contains("支部党员大会", StringComparison.Ordinal)).ToArray();
        Assert.Equal("zs001", Assert.Single(notices).To);
        Assert.Empty(dingTalk.Violations);
    }

    [Fact]
    public async Task WeCom_MemberAndSecretary_QuestionBindConfirmReminderAndNotice()
    {
        await using var weCom = new FakeWeComServer(TimeProvider.System);
        await weCom.StartAsync();
        await using var host = ChannelTestHost.Create(redis, dingTalk: null, weCom, settings: _admin);
        using var client = host.CreateClient();
        var (codes, ids) = await SetUpBranchAsync(host);
        var turn = 0;

        async Task<string> Say(string userId, string text)
        {
            var before = weCom.Calls.Count(c => c.To == userId);
            var xml = WeComCallbacks.TextXml(userId, text, $"9{++turn:D5}{Random.Shared.Next(100_000, 999_999)}");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(WeComCallbacks.Default.Post(xml, DateTimeOffset.UtcNow))).StatusCode);
            var calls = await weCom.WaitForAsync(c => c.Count(x => x.To == userId) > before);
            return calls.Where(x => x.To == userId).Skip(before).First().Text;
        }

        Assert.Contains("党费", await Say("zhangsan", "党费多久交一次"), StringComparison.Ordinal);
        Assert.StartsWith("绑定成功。张三同志", await Say("zhangsan", "绑定 " + codes["张三"]), StringComparison.Ordinal);
        Assert.StartsWith("绑定成功。王书记同志", await Say("wangshuji", "绑定 " + codes["王书记"]), StringComparison.Ordinal);
        var confirmed = await Say("zhangsan", "已交党费");
        Assert.StartsWith("已记录：交纳党费", confirmed, StringComparison.Ordinal);

        var before = weCom.Calls.Count(c => c.To == "zhangsan");
        await RemindAsync(host, ids["张三"], "提醒：本月主题党日将于周五举行，请准时参加。");
        var reminder = (await weCom.WaitForAsync(c => c.Count(x => x.To == "zhangsan") > before)).Where(x => x.To == "zhangsan").Last();
        Assert.Contains("主题党日", reminder.Text, StringComparison.Ordinal);

        Assert.Contains("确认", await Say("wangshuji", "通知 本周五下午3点召开支部党员大会"), StringComparison.Ordinal);
        Assert.Contains("已送达 1/1", await Say("wangshuji", "确认"), StringComparison.Ordinal);
        Assert.Contains(weCom.Calls, x => x.To == "zhangsan" && x.Text.Contains("支部党员大会", StringComparison.Ordinal));
        Assert.Empty(weCom.Violations);
    }

    private static async Task RemindAsync(WebApplicationFactory<Program> host, string memberId, string text)
    {
        var reference = await host.Services.GetRequiredService<ChannelAddressStore>().GetPreferredAsync(memberId, CancellationToken.None);
        Assert.NotNull(reference);
        var activity = Activity.CreateMessageActivity(text);
        activity.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("已完成", "完成 主题党日")] };
        await host.Services.GetRequiredService<IProactiveMessenger>().SendAsync(reference, activity.ApplyConversationReference(reference), CancellationToken.None);
    }

    private static async Task<(Dictionary<string, string> Codes, Dictionary<string, string> Ids)> SetUpBranchAsync(WebApplicationFactory<Program> host)
    {
        using var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        var branch = "c" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name = "机关第三党支部" })).EnsureSuccessStatusCode();
        using var csv = new StringContent("姓名,角色\n王书记,党支部书记\n张三,党员\n", Encoding.UTF8, "text/csv");
        var imported = await (await admin.PostAsync(new Uri($"/api/admin/branches/{branch}/roster", UriKind.Relative), csv)).Content.ReadFromJsonAsync<JsonElement>();
        var members = imported.GetProperty("members").EnumerateArray().ToArray();
        return (
            members.ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("inviteCode").GetString()!),
            members.ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("id").GetString()!));
    }

    // A DingTalk markdown reply as the member reads it: without the title, with plain line breaks.
    private static string Readable(PlatformCall call) => call.Type == "markdown"
        ? call.Text[(call.Text.IndexOf('|', StringComparison.Ordinal) + 1)..].Replace("  \n", "\n", StringComparison.Ordinal)
        : call.Text;
}
