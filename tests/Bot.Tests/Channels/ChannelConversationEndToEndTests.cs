using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Tests.BotFramework;
using PartyAffairs.Tests.Channels;
using PartyAffairs.Tests.DingTalk;
using PartyAffairs.Tests.Infrastructure;
using PartyAffairs.Tests.WeCom;

namespace PartyAffairs.Bot.Tests.Channels;

/// <summary>
/// The real bot (conversation logic, knowledge base, store) driven through each platform adapter as members would use
/// it: ask a question, bind with the invite code, confirm completion, receive a reminder, receive a secretary's notice.
/// </summary>
public sealed class ChannelConversationEndToEndTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string AdminToken = "channels-e2e-admin-token";

    [Fact]
    public async Task DingTalk_MemberAndSecretary_QuestionBindConfirmReminderAndNotice()
    {
        await using var dingTalk = new FakeDingTalkServer(TimeProvider.System);
        await dingTalk.StartAsync();
        var branch = NewBranchId();
        await using var host = ChannelTestHost.Create(redis, dingTalk, weCom: null, settings: Settings(branch));
        using var client = host.CreateClient();
        var (codes, ids) = await SetUpBranchAsync(host, branch);
        var turn = 0;

        async Task<string> Say(string staffId, string text)
        {
            var webhook = dingTalk.NewSessionWebhook();
            var session = webhook[(webhook.IndexOf("session=", StringComparison.Ordinal) + 8)..];
            var message = DingTalkCallbacks.Message($"e2e-{++turn}-{Guid.NewGuid():N}", text, webhook, staffId: staffId);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(DingTalkCallbacks.Callback(message))).StatusCode);
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

        // A notice from the secretary reaches the member and the branch's group; the secretary then gets the report.
        Assert.Contains("确认", await Say("wsj001", "通知 本周五下午3点召开支部党员大会"), StringComparison.Ordinal);
        Assert.Equal("正在发送通知（共 1 人），完成后将告知送达情况。通知将同步发布到钉钉群。", await Say("wsj001", "确认"));
        var calls = await dingTalk.WaitForAsync(c => c.Any(x => x.Kind == "oto" && x.To == "wsj001"));
        Assert.Equal("通知发送完成：已送达 1/1。\n已同步发布到钉钉群。", Readable(calls.Single(x => x.Kind == "oto" && x.To == "wsj001")));
        var notices = calls.Where(x => x.Kind == "oto" && x.Text.Contains("支部党员大会", StringComparison.Ordinal)).ToArray();
        Assert.Equal("zs001", Assert.Single(notices).To);
        var posted = Assert.Single(calls, x => x.Kind == "robot");
        Assert.Contains("机关第三党支部通知", posted.Text, StringComparison.Ordinal);
        Assert.Contains("本周五下午3点召开支部党员大会", posted.Text, StringComparison.Ordinal);
        Assert.Empty(dingTalk.Violations);
    }

    [Fact]
    public async Task WeCom_MemberAndSecretary_QuestionBindConfirmReminderAndNotice()
    {
        await using var weCom = new FakeWeComServer(TimeProvider.System);
        await weCom.StartAsync();
        var branch = NewBranchId();
        await using var host = ChannelTestHost.Create(redis, dingTalk: null, weCom, settings: Settings(branch));
        using var client = host.CreateClient();
        var (codes, ids) = await SetUpBranchAsync(host, branch);
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
        var reports = weCom.Calls.Count(c => c.To == "wangshuji") + 1;
        Assert.Equal("正在发送通知（共 1 人），完成后将告知送达情况。通知将同步发布到企业微信群。", await Say("wangshuji", "确认"));
        var calls = await weCom.WaitForAsync(c => c.Count(x => x.To == "wangshuji") > reports);
        Assert.Equal("通知发送完成：已送达 1/1。\n已同步发布到企业微信群。", calls.Where(x => x.To == "wangshuji").Last().Text);
        Assert.Contains(calls, x => x.To == "zhangsan" && x.Text.Contains("支部党员大会", StringComparison.Ordinal));
        Assert.Contains(calls, x => x.Kind == "robot" && x.Text.Contains("支部党员大会", StringComparison.Ordinal));
        Assert.Empty(weCom.Violations);
    }

    [Fact]
    public async Task Notice_MembersOnDingTalkWeComAndDirectLine_AllReachedAndOneReportNamesWhoWasNot()
    {
        await using var dingTalk = new FakeDingTalkServer(TimeProvider.System);
        await using var weCom = new FakeWeComServer(TimeProvider.System);
        await dingTalk.StartAsync();
        await weCom.StartAsync();
        weCom.InvalidUsers["mix-sunqi"] = 0;
        var branch = NewBranchId();
        var settings = Settings(branch);
        settings["DirectLine:Secret"] = BotFrameworkHost.Secret;
        await using var host = ChannelTestHost.Create(redis, dingTalk, weCom, settings: settings);
        using var client = host.CreateClient();
        var (codes, _) = await SetUpBranchAsync(host, branch, "王书记,党支部书记\n张三,党员\n李四,党员\n王五,党员\n孙七,党员\n赵六,党员\n");
        var turn = 0;

        async Task WeComSays(string userId, string text)
        {
            var before = weCom.Calls.Count(c => c.To == userId);
            var xml = WeComCallbacks.TextXml(userId, text, $"8{++turn:D5}{Random.Shared.Next(100_000, 999_999)}");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(WeComCallbacks.Default.Post(xml, DateTimeOffset.UtcNow))).StatusCode);
            if (!weCom.InvalidUsers.ContainsKey(userId))
            {
                await weCom.WaitForAsync(c => c.Count(x => x.To == userId) > before);
            }
        }

        // 张三 on DingTalk, 李四 and 孙七 on WeCom (WeCom refuses 孙七's userid when the notice goes out), 王五 in Web Chat
        // (Direct Line), 赵六 never bound; the secretary on WeCom.
        var webhook = dingTalk.NewSessionWebhook();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(DingTalkCallbacks.Callback(DingTalkCallbacks.Message("mix-1", "绑定 " + codes["张三"], webhook, staffId: "mix-zs")))).StatusCode);
        await dingTalk.WaitForAsync(c => c.Any(x => x.Kind == "session"));
        await WeComSays("mix-lisi", "绑定 " + codes["李四"]);
        await WeComSays("mix-wsj", "绑定 " + codes["王书记"]);
        await WeComSays("mix-sunqi", "绑定 " + codes["孙七"]);
        var directLine = new DirectLineTestClient(client);
        var (conversationId, token, _) = await directLine.StartConversationAsync("mix-dl-wangwu");
        Assert.Equal(HttpStatusCode.OK, (await directLine.PostMessageAsync(conversationId, token, "绑定 " + codes["王五"])).StatusCode);
        await WaitForBindingsAsync(host);

        await WeComSays("mix-wsj", "通知 本周五下午3点召开支部党员大会");
        var before = weCom.Calls.Count(c => c.To == "mix-wsj");
        await WeComSays("mix-wsj", "确认");
        var calls = await weCom.WaitForAsync(c => c.Count(x => x.To == "mix-wsj") >= before + 2);

        var secretary = calls.Where(x => x.To == "mix-wsj").Skip(before).Select(x => x.Text).ToArray();
        Assert.Equal("正在发送通知（共 5 人），完成后将告知送达情况。通知将同步发布到钉钉群、企业微信群。", secretary[0]);
        Assert.Equal(
            "通知发送完成：已送达 3/5，1 人发送失败，1 人无法送达。\n发送失败：孙七\n无法送达（尚未绑定或未与助手对话）：赵六\n请另行通知以上同志。" +
            "\n已同步发布到钉钉群。\n已同步发布到企业微信群。",
            secretary[1]);
        Assert.Single(dingTalk.Calls, x => x.Kind == "oto" && x.To == "mix-zs" && x.Text.Contains("支部党员大会", StringComparison.Ordinal));
        Assert.Single(calls, x => x.To == "mix-lisi" && x.Text.Contains("支部党员大会", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, x => x.To == "mix-sunqi");
        Assert.Single(dingTalk.Calls, x => x.Kind == "robot" && x.Text.Contains("支部党员大会", StringComparison.Ordinal));
        Assert.Single(calls, x => x.Kind == "robot" && x.Text.Contains("支部党员大会", StringComparison.Ordinal));
        var transcript = await directLine.GetAllActivitiesAsync(conversationId, token);
        Assert.Single(transcript, a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains("【机关第三党支部通知】本周五下午3点召开支部党员大会", StringComparison.Ordinal));
        Assert.Empty(dingTalk.Violations);
        Assert.Empty(weCom.Violations);
    }

    // WeCom turns run after the callback was acknowledged: wait until their bindings are stored.
    private static async Task WaitForBindingsAsync(WebApplicationFactory<Program> host)
    {
        var roster = host.Services.GetRequiredService<RosterStore>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        foreach (var (channel, user) in new[] { ("dingtalk", "mix-zs"), ("wecom", "mix-lisi"), ("wecom", "mix-wsj"), ("wecom", "mix-sunqi") })
        {
            while (await roster.GetBoundMemberIdAsync(channel, user, CancellationToken.None) is null)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{channel}:{user} bound");
                await Task.Delay(20);
            }
        }
    }

    private static async Task RemindAsync(WebApplicationFactory<Program> host, string memberId, string text)
    {
        var reference = await host.Services.GetRequiredService<ChannelAddressStore>().GetPreferredAsync(memberId, CancellationToken.None);
        Assert.NotNull(reference);
        var activity = Activity.CreateMessageActivity(text);
        activity.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("已完成", "完成 主题党日")] };
        await host.Services.GetRequiredService<IProactiveMessenger>().SendAsync(reference, activity.ApplyConversationReference(reference), CancellationToken.None);
    }

    private static string NewBranchId() => "c" + Guid.NewGuid().ToString("N")[..8];

    // The admin token, and both platforms' group robots posting into this branch's groups.
    private static Dictionary<string, string> Settings(string branch) => new()
    {
        ["Admin:Token"] = AdminToken,
        ["Channels:GroupNotices:Branches:dingtalk"] = branch,
        ["Channels:GroupNotices:Branches:wecom"] = branch,
    };

    private static async Task<(Dictionary<string, string> Codes, Dictionary<string, string> Ids)> SetUpBranchAsync(WebApplicationFactory<Program> host, string branch, string roster = "王书记,党支部书记\n张三,党员\n")
    {
        using var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name = "机关第三党支部" })).EnsureSuccessStatusCode();
        using var csv = new StringContent("姓名,角色\n" + roster, Encoding.UTF8, "text/csv");
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
