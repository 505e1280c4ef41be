using PartyAffairs.Bot.Conversation;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Bot.Tests.Conversation;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Planning.Kinds;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Scheduling;

/// <summary>The reminders as the host composes them: admin settings endpoints, chat commands, and delivery through the proactive messenger.</summary>
public sealed class ReminderHostTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Token = "t0ken-for-reminder-tests";

    private sealed record Host(WebApplicationFactory<Program> Factory, HttpClient Admin, string Branch, Func<string, string, Task<IReadOnlyList<Activity>>> Say, RecordingMessenger Messenger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Admin.Dispose();
            await Factory.DisposeAsync();
        }
    }

    private async Task<Host> StartAsync(string now = "2026-11-23T12:00:00")
    {
        var messenger = new RecordingMessenger();
        var time = new FakeTimeProvider(DateTimeOffset.Parse(now + "+08:00", CultureInfo.InvariantCulture));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Redis:Configuration", redis.Configuration)
            .UseSetting("Admin:Token", Token)
            .ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.AddSingleton<IProactiveMessenger>(messenger);
            }));
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var branch = "r" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name = "机关第三党支部" })).EnsureSuccessStatusCode();
        using var csv = new StringContent("姓名,角色\n王书记,党支部书记\n张三,党员\n", Encoding.UTF8, "text/csv");
        var imported = await (await admin.PostAsync(new Uri($"/api/admin/branches/{branch}/roster", UriKind.Relative), csv)).Content.ReadFromJsonAsync<JsonElement>();
        var codes = imported.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("inviteCode").GetString()!);
        var bot = factory.Services.GetRequiredService<IBot>();
        var adapter = new TestAdapter(factory.Services);
        var turn = 0;
        Task<IReadOnlyList<Activity>> Say(string user, string text) => adapter.ProcessAsync(bot, new Activity
        {
            Type = ActivityTypes.Message,
            Id = $"{branch}-{Interlocked.Increment(ref turn)}",
            ChannelId = "emulator",
            ServiceUrl = "http://127.0.0.1:9/",
            From = new ChannelAccount { Id = $"{branch}-{user}" },
            Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = $"{branch}-{user}" },
            Text = text,
        });
        await Say("王书记", "绑定 " + codes["王书记"]);
        await Say("张三", "绑定 " + codes["张三"]);
        return new Host(factory, admin, branch, Say, messenger);
    }

    [Fact]
    public async Task Chat_SecretarySetsThemedDay_BadRuleExplainedGoodRuleSavedAndPlanShown()
    {
        await using var host = await StartAsync();

        var bad = Assert.Single(await host.Say("王书记", "设置主题党日 每月第八个周五")).Text!;
        var good = Assert.Single(await host.Say("王书记", "设置主题党日 每月第一个周五 15:00 三楼会议室")).Text!;
        var member = Assert.Single(await host.Say("张三", "设置主题党日 每月15日")).Text!;
        var plan = Assert.Single(await host.Say("王书记", "查看提醒计划")).Text!;

        Assert.Contains("每月最多有5个星期五", bad, StringComparison.Ordinal);
        Assert.Contains("示例", bad, StringComparison.Ordinal);
        Assert.StartsWith("已保存：主题党日 每月第一个星期五 15:00 三楼会议室", good, StringComparison.Ordinal);
        Assert.DoesNotContain("已保存", member, StringComparison.Ordinal);
        Assert.Contains("12月4日（星期五） 08:30 主题党日（2026-12）", plan, StringComparison.Ordinal);
        var settings = await host.Admin.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{host.Branch}/settings");
        Assert.Equal(1, settings.GetProperty("themedDay").GetProperty("ordinal").GetInt32());
        Assert.Equal("三楼会议室", settings.GetProperty("themedDay").GetProperty("place").GetString());
    }

    [Fact]
    public async Task Chat_PlanBeforeFourthQuarter_ShowsWindowOpeningsAndMembersDutyReminders()
    {
        await using var host = await StartAsync("2026-09-28T12:00:00");

        var plan = Assert.Single(await host.Say("王书记", "查看提醒计划")).Text!;

        // The shipped corpus: Q4 opens after 国庆节 on Oct 8; 党小组会 is a members' duty with its own reminder.
        Assert.Contains("10月8日（星期四） 08:30 召开组织生活会、开展民主评议党员（2026）（开始）→ 书记", plan, StringComparison.Ordinal);
        Assert.Contains("10月8日（星期四） 08:30 参加党小组会（2026-10）（开始）→ 党员", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_CountedDutyByButtonThenByChatSameDay_CountedOnce()
    {
        await using var host = await StartAsync();

        // Bound by 文件003 alone, the branch holds 支部委员会 at least four times a year (廉政专题学习 twice a year is the 党组's
        // duty in 文件000, which never reaches a branch).
        await host.Say("王书记", "设置依据文件 003");
        var button = Assert.Single(await host.Say("王书记", "已完成 支部委员会 2026")).Text!;
        // The chat's “完成 …” and “完成情况” read the catalog of every document (monthly 支委会), so the button is tapped again.
        var chat = (await host.Say("王书记", "已完成 支部委员会 2026"))[0].Text!;

        Assert.Equal("已记录：召开支部委员会会议（2026）已完成 1/4 次。", button);
        Assert.Contains("今天已记录过一次，同一天只计一次。目前已完成 1/4 次", chat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_SecretarySetsAMembersPersonColumn_SavedBadValueExplainedAndThePlanFollows()
    {
        await using var host = await StartAsync();

        var bad = Assert.Single(await host.Say("王书记", "设置成员 张三 外出 下个月")).Text!;
        var unknown = Assert.Single(await host.Say("王书记", "设置成员 无名氏 外出 2027-01-01~2027-03-31")).Text!;
        var good = Assert.Single(await host.Say("王书记", "设置成员 张三 外出 2027-01-01~2027-03-31")).Text!;
        var member = Assert.Single(await host.Say("张三", "设置成员 张三 班子成员 是")).Text!;

        Assert.Contains("外出“下个月”有误", bad, StringComparison.Ordinal);
        Assert.Contains("没有“无名氏”", unknown, StringComparison.Ordinal);
        Assert.Equal("已保存：张三的外出为“2027-01-01~2027-03-31”。", good);
        Assert.DoesNotContain("已保存", member, StringComparison.Ordinal);
        var plan = (await host.Admin.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{host.Branch}/plan?from=2027-01-04&to=2027-01-04")).EnumerateArray();
        Assert.Contains(plan, e => e.GetProperty("text").GetString()!.Contains("思想汇报", StringComparison.Ordinal)
            && e.GetProperty("recipients").EnumerateArray().Any(r => r.GetProperty("name").GetString() == "张三"));
    }

    [Fact]
    public async Task Chat_ThemedDayOnAComputedHoliday_SavedAndTheReplyNamesTheNearestWorkingDays()
    {
        await using var host = await StartAsync();

        var reply = Assert.Single(await host.Say("王书记", "设置主题党日 每月第一个周五 15:00 三楼会议室")).Text!;

        Assert.StartsWith("已保存：主题党日 每月第一个星期五 15:00 三楼会议室", reply, StringComparison.Ordinal);
        Assert.Contains("注意：2027年1月1日为元旦假日，最近的工作日为12月31日（星期四）或1月4日（星期一）", reply, StringComparison.Ordinal);
        Assert.Contains("2027年放假安排尚未发布，暂按法定节日计算，调休以国务院通知为准", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPut_ThemedDayOnDaysOff_SavedWithWarnings()
    {
        await using var host = await StartAsync();
        var url = new Uri($"/api/admin/branches/{host.Branch}/settings", UriKind.Relative);

        var onHolidays = await host.Admin.PutAsync(url, JsonContent("{\"themedDay\":{\"kind\":\"Dates\",\"dates\":[\"2026-12-04\",\"2027-01-01\"],\"time\":\"15:00:00\"}}"));
        var body = await onHolidays.Content.ReadFromJsonAsync<JsonElement>();
        var onWorkingDays = await (await host.Admin.PutAsync(url, JsonContent("{\"themedDay\":{\"kind\":\"Dates\",\"dates\":[\"2026-12-04\"]}}"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, onHolidays.StatusCode);
        Assert.Equal("Dates", body.GetProperty("themedDay").GetProperty("kind").GetString());
        var warnings = body.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToArray();
        Assert.Equal("注意：2027年1月1日为元旦假日，最近的工作日为12月31日（星期四）或1月4日（星期一）", warnings[0]);
        Assert.Contains("暂按法定节日计算", warnings[^1], StringComparison.Ordinal);
        Assert.Equal(0, onWorkingDays.GetProperty("warnings").GetArrayLength());
        var stored = await host.Admin.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(1, stored.GetProperty("themedDay").GetProperty("dates").GetArrayLength());
        Assert.False(stored.TryGetProperty("warnings", out _));
    }

    [Fact]
    public async Task AdminPut_BadSettings400AndPreviousKept_GoodSettingsSaved()
    {
        await using var host = await StartAsync();
        var url = new Uri($"/api/admin/branches/{host.Branch}/settings", UriKind.Relative);
        var good = JsonContent("{\"themedDay\":{\"kind\":\"DayOfMonth\",\"day\":15,\"time\":\"14:30:00\",\"place\":\"党员活动室\"}}");
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.PutAsync(url, good)).StatusCode);

        var zeroQuiet = await host.Admin.PutAsync(url, JsonContent("{\"quietHours\":{\"start\":\"21:00:00\",\"end\":\"21:00:00\"}}"));
        var past = await host.Admin.PutAsync(url, JsonContent("{\"themedDay\":{\"kind\":\"Dates\",\"dates\":[\"2026-01-01\"]}}"));
        var unknownDocument = await host.Admin.PutAsync(url, JsonContent("{\"bindingDocuments\":[\"999\"]}"));
        var windowsZone = await host.Admin.PutAsync(url, JsonContent("{\"timeZone\":\"China Standard Time\"}"));
        var notJson = await host.Admin.PutAsync(url, JsonContent("{not json"));
        using var anonymous = host.Factory.CreateClient();
        var unauthorized = await anonymous.PutAsync(url, JsonContent("{}"));
        var unknownBranch = await host.Admin.PutAsync(new Uri("/api/admin/branches/nope/settings", UriKind.Relative), JsonContent("{}"));

        Assert.All(new[] { zeroQuiet, past, unknownDocument, windowsZone, notJson }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("不能相同", await zeroQuiet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("已经过去", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("999", await unknownDocument.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownBranch.StatusCode);
        var settings = await host.Admin.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(15, settings.GetProperty("themedDay").GetProperty("day").GetInt32());
        Assert.Equal("Asia/Shanghai", settings.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Delivery_ThroughTheHost_ReachesMembersWithButtonsAndButtonsRecord()
    {
        await using var host = await StartAsync();
        var services = host.Factory.Services;
        var planned = new PlannedReminder
        {
            BranchId = host.Branch,
            Group = ReminderGroup.Dues,
            Kinds = ["党费"],
            Titles = ["交纳党费"],
            Period = DutyPeriod.Containing(PeriodUnit.Month, new DateOnly(2026, 11, 1)),
            ReminderKind = new DuesNudge(DuesDay: 23, DaysLeft: 7),
            Audience = ReminderAudience.UnconfirmedMembers,
            DueAt = DateTimeOffset.Parse("2026-11-23T12:00:00+08:00", CultureInfo.InvariantCulture),
            UsefulUntil = DateTimeOffset.Parse("2026-12-01T00:00:00+08:00", CultureInfo.InvariantCulture),
        };

        await services.GetRequiredService<ReminderFanOut>().FanOutAsync(planned, default);
        await services.GetRequiredService<ReminderDispatcher>().DrainAsync(default);
        for (var i = 0; i < 100 && host.Messenger.Sent.Count < 2; i++)
        {
            await Task.Delay(50); // the hosted delivery service may have taken some items
        }

        Assert.Equal(2, host.Messenger.Sent.Count);
        var (reference, activity) = host.Messenger.Sent.Single(s => s.Reference.Conversation?.Id == $"{host.Branch}-张三");
        // Card buttons (issue 9): the title is what the member's bubble shows, the text what the bot receives.
        Assert.Equal(["已完成", "请假"], ReplyMessage.Buttons(activity).Select(a => a.Title));
        Assert.Equal(["已完成 党费 2026-11", "请假 党费 2026-11"], ReplyMessage.Buttons(activity).Select(a => a.Text));
        Assert.All(ReplyMessage.Buttons(activity), a => Assert.Equal(a.Title, a.DisplayText));
        Assert.Equal("emulator", reference.ChannelId);

        var done = Assert.Single(await host.Say("张三", "已完成 党费 2026-11")).Text!;
        var leave = Assert.Single(await host.Say("王书记", "请假 党费 2026-11")).Text!;

        Assert.StartsWith("已记录：交纳党费（2026-11）已完成", done, StringComparison.Ordinal);
        Assert.Contains("请假", leave, StringComparison.Ordinal);
        var ledger = services.GetRequiredService<ICompletionLedger>();
        var records = await ledger.GetForDutyAsync(host.Branch, "党费", "2026-11", default);
        Assert.Equal(2, records.Count);
        Assert.Contains(records.Values, r => r.Status == CompletionStatus.Leave);
    }

    [Fact]
    public async Task AdminEndpoints_StoreDown_503JsonLikeTheOtherAdminEndpoints()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Redis:Configuration", "127.0.0.1:1,abortConnect=false,connectTimeout=300,syncTimeout=300,asyncTimeout=300")
            .UseSetting("Admin:Token", Token));
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var settings = new Uri("/api/admin/branches/jg1/settings", UriKind.Relative);

        var responses = new[]
        {
            await admin.GetAsync(settings),
            await admin.PutAsync(settings, JsonContent("{\"quietHours\":{\"start\":\"21:30:00\",\"end\":\"08:00:00\"}}")),
            await admin.GetAsync(new Uri("/api/admin/branches/jg1/reminders", UriKind.Relative)),
            await admin.GetAsync(new Uri("/api/admin/branches", UriKind.Relative)),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("存储暂时不可用，请稍后再试。", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");
}
