using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.EndToEnd;

/// <summary>
/// The chat page with the real Web Chat bundle in headless Chromium (playwright-core, Debian chromium), against the whole
/// host on 127.0.0.1: Direct Line, the conversation logic, the knowledge base and the state in a real redis-server.
/// </summary>
public sealed class WebChatEndToEndTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string AdminToken = "e2e-admin-token";
    private const string Notice = "本周五下午3点召开支部党员大会";

    [Fact]
    public async Task ChatPage_MemberAndSecretary_QuestionBindConfirmStatusNoticeAndResumeInWebChat()
    {
        await using var host = new EndToEndHost(redis, new Dictionary<string, string?> { ["Admin:Token"] = AdminToken });
        var address = host.Start();
        var codes = await SetUpBranchAsync(address);

        var report = await BrowserScenario.RunAsync(address, new
        {
            steps = new object[]
            {
                new { user = "member", say = "党费多久交一次", screenshot = "1-member-question.png" },
                new { user = "member", say = "绑定 " + codes["张三"] },
                new { user = "member", say = "已交党费", screenshot = "2-member-confirmed.png" },
                new { user = "member", click = "我的待办" },
                new { user = "secretary", say = "绑定 " + codes["王书记"] },
                new { user = "secretary", say = "完成情况 党费", screenshot = "3-secretary-status.png" },
                new { user = "secretary", say = "通知 " + Notice },
                // The turn answers at once (正在发送…); the delivery report follows as a proactive message.
                new { user = "secretary", say = "确认", expectReplies = 2 },
                new { user = "member", waitFor = Notice, screenshot = "4-member-notice.png" },
                new { user = "member", reload = true, screenshot = "5-member-resumed.png" },
            },
        });

        Assert.True(report.GetProperty("ok").GetBoolean(), report.GetProperty("error").ToString());
        var steps = report.GetProperty("steps").EnumerateArray().ToArray();
        Assert.All(steps, s => Assert.False(s.GetProperty("sendFailed").GetBoolean(), "Web Chat saw each message echoed"));
        string Reply(int step) => steps[step].GetProperty("replies") is { ValueKind: JsonValueKind.Array } replies && replies.GetArrayLength() > 0
            ? replies[0].GetString()!
            : throw new Xunit.Sdk.XunitException($"Step {step} saw no reply: {report}");

        Assert.Contains("党费", Reply(0), StringComparison.Ordinal);
        Assert.Contains("依据：", Reply(0), StringComparison.Ordinal);
        Assert.StartsWith("绑定成功", Reply(1), StringComparison.Ordinal);
        Assert.StartsWith("已记录：交纳党费", Reply(2), StringComparison.Ordinal);
        // The card button (messageBack) posts its text as the member's message; the bubble reads its title.
        Assert.Equal("我的待办", steps[3].GetProperty("say").GetString());
        Assert.Contains("交纳党费", Reply(3), StringComparison.Ordinal);
        Assert.StartsWith("绑定成功", Reply(4), StringComparison.Ordinal);
        Assert.Contains("1/2 已完成", Reply(5), StringComparison.Ordinal);
        Assert.StartsWith("通知预览", Reply(6), StringComparison.Ordinal);
        Assert.StartsWith("正在发送通知（共 1 人）", Reply(7), StringComparison.Ordinal);
        Assert.Contains(steps[7].GetProperty("replies").EnumerateArray(), r => r.GetString()!.StartsWith("通知发送完成：已送达 1/1。", StringComparison.Ordinal));
        // The notice reaches the member's open page through the Direct Line stream (a proactive message).
        Assert.Contains("通知】" + Notice, Reply(8), StringComparison.Ordinal);
        // After a reload the page resumes its conversation and replays the history, the notice included.
        var history = steps[9].GetProperty("replies").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains("已交党费", history);
        Assert.Contains(history, h => h.Contains(Notice, StringComparison.Ordinal));

        foreach (var screenshot in report.GetProperty("screenshots").EnumerateArray())
        {
            var png = await File.ReadAllBytesAsync(screenshot.GetString()!);
            Assert.True(png.Length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a real PNG screenshot");
        }

        Assert.Empty(report.GetProperty("consoleErrors").EnumerateArray());
    }

    [Fact]
    public async Task ChatPage_BoundMember_AsksTheNextThemedDayConfirmsDuesInOwnWordsAndAButtonShowsItsTitle()
    {
        await using var host = new EndToEndHost(redis, new Dictionary<string, string?> { ["Admin:Token"] = AdminToken });
        var address = host.Start();
        var codes = await SetUpBranchAsync(address);

        var report = await BrowserScenario.RunAsync(address, new
        {
            steps = new object[]
            {
                new { user = "secretary", say = "绑定 " + codes["王书记"] },
                new { user = "secretary", say = "设置主题党日 每月第一个周五 15:00 三楼会议室" },
                new { user = "member", say = "绑定 " + codes["张三"] },
                new { user = "member", say = "下次主题党日是什么时候", screenshot = "6-member-themed-day.png" },
                new { user = "member", say = "我交了党费" },
                // “我请个假” names no occasion: the bot asks back with buttons; the first one is clicked.
                new { user = "member", say = "我请个假" },
                new { user = "member", clickFirstOf = "请假", screenshot = "7-member-clicked.png" },
            },
        });

        Assert.True(report.GetProperty("ok").GetBoolean(), report.GetProperty("error").ToString());
        var steps = report.GetProperty("steps").EnumerateArray().ToArray();
        string Reply(int step) => steps[step].GetProperty("replies") is { ValueKind: JsonValueKind.Array } replies && replies.GetArrayLength() > 0
            ? replies[0].GetString()!
            : throw new Xunit.Sdk.XunitException($"Step {step} saw no reply: {report}");

        Assert.StartsWith("已保存", Reply(1), StringComparison.Ordinal);
        Assert.StartsWith("本支部主题党日：每月第一个星期五 15:00，三楼会议室；下次：", Reply(3), StringComparison.Ordinal);
        Assert.Contains("依据：", Reply(3), StringComparison.Ordinal);
        Assert.StartsWith("已记录：交纳党费", Reply(4), StringComparison.Ordinal);
        Assert.True(Reply(5).StartsWith("请问您要为哪一项请假", StringComparison.Ordinal) || Reply(5).StartsWith("您是想为", StringComparison.Ordinal), Reply(5));
        var title = steps[6].GetProperty("say").GetString()!;
        var bubble = steps[6].GetProperty("userBubble").GetString()!;
        Assert.Contains(title, bubble, StringComparison.Ordinal);
        Assert.DoesNotContain("请假 ", bubble, StringComparison.Ordinal);
        Assert.StartsWith("已", Reply(6), StringComparison.Ordinal);
        Assert.Contains("请假", Reply(6), StringComparison.Ordinal);
        Assert.Empty(report.GetProperty("consoleErrors").EnumerateArray());
    }

    /// <summary>Creates a branch with a secretary and a member through the admin API; returns their invite codes by name.</summary>
    private static async Task<Dictionary<string, string>> SetUpBranchAsync(Uri address)
    {
        using var admin = new HttpClient { BaseAddress = address };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        var branch = "e2e" + Guid.NewGuid().ToString("N")[..8];
        using var created = await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name = "机关第一党支部" });
        created.EnsureSuccessStatusCode();
        using var csv = new StringContent("姓名,角色\n王书记,党支部书记\n张三,党员\n", Encoding.UTF8, "text/csv");
        using var imported = await admin.PostAsync(new Uri($"/api/admin/branches/{branch}/roster", UriKind.Relative), csv);
        imported.EnsureSuccessStatusCode();
        var body = await imported.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("inviteCode").GetString()!);
    }
}
