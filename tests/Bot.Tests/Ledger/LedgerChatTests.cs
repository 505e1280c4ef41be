using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Ledger.Tests.Export;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Ledger;

/// <summary>The 台账 in chat through the host: records, attendance, dues, study hours, past periods and the export link.</summary>
public sealed partial class LedgerChatTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Meeting = "记录 党员大会 12月3日 主题：学习党章第三章 主讲：王书记 缺席：李四（出差） 2学时";

    [Fact]
    public async Task Record_WithAbsenceAndReason_SavedSummarisedAndAuditedWithTheSecretaryAsAuthor()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);

        var reply = await host.SayAsync("王书记", Meeting);

        Assert.StartsWith("已记录：党员大会（2026-12-03）", reply, StringComparison.Ordinal);
        Assert.Contains("主题：学习党章第三章", reply, StringComparison.Ordinal);
        Assert.Contains("出席：4/5 人", reply, StringComparison.Ordinal);
        Assert.Contains("缺席：李四（出差）", reply, StringComparison.Ordinal);
        Assert.Contains("学时：2", reply, StringComparison.Ordinal);
        Assert.Contains("撤销记录", reply, StringComparison.Ordinal);
        var record = Assert.Single((await host.GetJsonAsync("/records?year=2026")).EnumerateArray());
        Assert.Equal("2026-12-03", record.GetProperty("date").GetString());
        Assert.Equal("王书记", record.GetProperty("speaker").GetString());
        var attendance = record.GetProperty("attendance").EnumerateArray().ToArray();
        Assert.Equal(5, attendance.Length);
        var li = attendance.Single(a => a.GetProperty("name").GetString() == "李四");
        Assert.Equal("出差", li.GetProperty("reason").GetString());
        var history = await host.GetJsonAsync($"/records/{record.GetProperty("id").GetInt64()}/history");
        var created = Assert.Single(history.EnumerateArray());
        Assert.Equal("created", created.GetProperty("action").GetString());
        Assert.Equal(await host.MemberIdAsync("王书记"), created.GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData("记录 党员大会 2027-01-05 主题：新年计划", "晚于今天")]
    [InlineData("记录 党员大会 2020-03-01 主题：旧事", "早于支部台账的起始日期")]
    [InlineData("记录 读书会 12月1日 主题：读书", "未知的活动类型“读书会”，可选：")]
    [InlineData("记录 党员大会 12月1日 缺席：赵钱孙（出差）、孙李（病假）", "未找到成员“赵钱孙”；未找到成员“孙李”")]
    [InlineData("记录 党员大会 主题：没有日期", "请写明日期")]
    public async Task Record_Invalid_EachProblemNamedAndNothingSaved(string text, string expected)
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);

        var reply = await host.SayAsync("王书记", text);

        Assert.StartsWith("未保存：", reply, StringComparison.Ordinal);
        Assert.Contains(expected, reply, StringComparison.Ordinal);
        Assert.Empty((await host.GetJsonAsync("/records?year=2026")).EnumerateArray());
        Assert.Empty((await host.GetJsonAsync("/records?year=2027")).EnumerateArray());
        Assert.Empty((await host.GetJsonAsync("/records?year=2020")).EnumerateArray());
    }

    [Fact]
    public async Task Record_OrdinaryMemberRefused_OrganizationCommissionerAllowed_UndoRemovesItWithATrail()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);

        Assert.Equal("抱歉，该功能仅限党支部书记、副书记、组织委员使用。", await host.SayAsync("张三", Meeting));
        Assert.Empty((await host.GetJsonAsync("/records?year=2026")).EnumerateArray());

        Assert.StartsWith("已记录：党小组会（2026-12-02）", await host.SayAsync("赵组织", "记录 党小组会 12月2日 主题：学习 参加：张三、王五"), StringComparison.Ordinal);
        var record = Assert.Single((await host.GetJsonAsync("/records?year=2026")).EnumerateArray());
        Assert.Equal(2, record.GetProperty("attendance").GetArrayLength());

        Assert.StartsWith("已撤销：党小组会（2026-12-02）", await host.SayAsync("赵组织", "撤销记录"), StringComparison.Ordinal);
        Assert.Empty((await host.GetJsonAsync("/records?year=2026")).EnumerateArray());
        var history = await host.GetJsonAsync($"/records/{record.GetProperty("id").GetInt64()}/history");
        Assert.Equal<string>(["created", "deleted"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()!).ToArray());
    }

    [Fact]
    public async Task Attendance_MemberConfirmsARecordedMeeting_AddedAsAttendeeAndAuditedAsTheirs()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);
        await host.SayAsync("王书记", "记录 党员大会 12月3日 主题：学习党章 参加：王书记、赵组织 2学时");

        var reply = await host.SayAsync("张三", "参加了12月3日的党员大会");

        Assert.StartsWith("已确认：您出席了党员大会（2026-12-03），计 2 学时。", reply, StringComparison.Ordinal);
        var record = Assert.Single((await host.GetJsonAsync("/records?year=2026")).EnumerateArray());
        Assert.Contains(record.GetProperty("attendance").EnumerateArray(), a => a.GetProperty("name").GetString() == "张三" && a.GetProperty("status").GetString() == "出席");
        var history = await host.GetJsonAsync($"/records/{record.GetProperty("id").GetInt64()}/history");
        var confirmed = history.EnumerateArray().Last();
        Assert.Equal("confirmed", confirmed.GetProperty("action").GetString());
        Assert.Equal(await host.MemberIdAsync("张三"), confirmed.GetProperty("actor").GetString());
        Assert.StartsWith("您已在党员大会（2026-12-03）的出席名单中", await host.SayAsync("张三", "参加了12月3日的党员大会"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dues_SetInChatThenPaid_AmountStatedAndInTheWorkbooksDuesSheet()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);

        var set = await host.SayAsync("王书记", "设置党费 张三 在职 8000");
        var paid = await host.SayAsync("张三", "已交党费");

        Assert.Equal("已核定：张三，在职，月收入基数 8000.00元，比例 1.5%，每月应交党费 120.00元（自本月起）。", set);
        Assert.StartsWith("已记录：2026年12月党费 120.00元。", paid, StringComparison.Ordinal);
        var sheet = WorkbookReader.Open(await host.WorkbookAsync(2026))["党费"];
        var row = sheet.Row("张三");
        Assert.Equal("120", row[sheet.Column("12月金额")].Text.TrimEnd('0').TrimEnd('.'));
        Assert.Equal("2026-12-04", row[sheet.Column("12月交纳日期")].Text);
        Assert.StartsWith("2026年12月党费此前已登记交纳", await host.SayAsync("张三", "已交党费"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dues_ThreeMonthsAndNamedMonths_EachMonthRecordedAtTheAssessedAmount()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);
        await host.SayAsync("王书记", "设置党费 张三 在职 8000");
        await host.SayAsync("王书记", "设置党费 李四 离退休 6000");

        var three = await host.SayAsync("张三", "交了三个月党费");
        var back = await host.SayAsync("李四", "补交了10、11月党费");

        Assert.StartsWith("已记录：2026年12月党费 120.00元、2027年1月党费 120.00元、2027年2月党费 120.00元，合计 360.00元。", three, StringComparison.Ordinal);
        Assert.StartsWith("已记录：2026年10月党费 60.00元、2026年11月党费 60.00元，合计 120.00元。", back, StringComparison.Ordinal);
        var dues = await host.GetJsonAsync($"/members/{await host.MemberIdAsync("李四")}/dues?year=2026");
        Assert.Equal<string>(["2026-10", "2026-11"], dues.GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("month").GetString()!).ToArray());
        Assert.StartsWith("已撤销：2026年10月、2026年11月党费", await host.SayAsync("李四", "撤销党费"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dues_InAGroupConversation_NoAmountDisclosed_PrivatelyTheAmountAndBasis()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);

        Assert.Equal("党费金额和收入属于个人信息，请在与我的单独对话中查询或设置。", await host.SayInGroupAsync("王书记", "设置党费 张三 在职 8000"));
        Assert.Equal("尚未核定您的党费标准。请联系支部书记或组织委员，按《关于中国共产党党费收缴、使用和管理的规定》核定。", await host.SayAsync("张三", "我的党费"));
        await host.SayAsync("王书记", "设置党费 张三 在职 8000");

        var inGroup = await host.SayInGroupAsync("张三", "我的党费");
        var paidInGroup = await host.SayInGroupAsync("张三", "已交党费");
        var alone = await host.SayAsync("张三", "党费交多少");

        Assert.DoesNotContain("120", inGroup, StringComparison.Ordinal);
        Assert.DoesNotContain("8000", inGroup, StringComparison.Ordinal);
        Assert.StartsWith("已记录：2026年12月党费。", paidInGroup, StringComparison.Ordinal);
        Assert.DoesNotContain("120", paidInGroup, StringComparison.Ordinal);
        Assert.StartsWith("您每月应交党费 120.00元（依据：在职，月收入基数 8000.00元 × 1.5%", alone, StringComparison.Ordinal);
        Assert.Contains("今年已登记交纳至 2026年12月", alone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Study_SelfStudyThenMyHours_TotalQuotaCitationAndSources()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);
        await host.SayAsync("王书记", Meeting);

        var added = await host.SayAsync("张三", "学习 2学时 党的二十大报告");
        var mine = await host.SayAsync("张三", "我的学时");

        Assert.StartsWith("已记录：自学 2 学时（党的二十大报告）。今年已完成 4/32 学时。", added, StringComparison.Ordinal);
        Assert.StartsWith("2026年已完成 4/32 学时（依据", mine, StringComparison.Ordinal);
        Assert.Contains("尚差 28 学时", mine, StringComparison.Ordinal);
        Assert.Contains("党的二十大报告 2学时", mine, StringComparison.Ordinal);
        Assert.Contains("党员大会：学习党章第三章 2学时", mine, StringComparison.Ordinal);
        var sheet = WorkbookReader.Open(await host.WorkbookAsync(2026))["学时"];
        Assert.Equal("4", sheet.Row("张三")[sheet.Column("已完成学时")].Text);
    }

    [Fact]
    public async Task StudyReminder_ToAMember_StatesTheirRemainingHours_OtherRemindersUnchanged()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);
        await host.SayAsync("张三", "学习 2学时 党的二十大报告");
        var sender = host.Factory.Services.GetRequiredService<IReminderSender>();
        var memberId = await host.MemberIdAsync("张三");
        ReminderDelivery Delivery(string kind, string period) => new()
        {
            BranchId = host.Branch,
            MemberId = memberId,
            ChannelId = "emulator",
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            Message = new ReminderMessage { Text = "【党员提醒】", Actions = ReminderResponses.Buttons([kind], period, [CompletionStatus.Done]) },
        };

        Assert.Equal(SendStatus.Sent, (await sender.SendAsync(Delivery("学时", "2026"), CancellationToken.None)).Status);
        Assert.Equal(SendStatus.Sent, (await sender.SendAsync(Delivery("主题党日", "2026-12"), CancellationToken.None)).Status);

        var sent = host.Messenger.Sent.Select(s => s.Activity.Text ?? string.Empty).ToArray();
        Assert.Equal<string>(["【党员提醒】\n您今年已完成 2/32 学时，尚差 30 学时。", "【党员提醒】"], sent);
    }

    [Fact]
    public async Task DuesReminder_ToAnAssessedMember_StatesTheirAmount_UnassessedUnchanged()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);
        await host.SayAsync("王书记", "设置党费 张三 在职 8000");
        var sender = host.Factory.Services.GetRequiredService<IReminderSender>();
        ReminderDelivery Delivery(string memberId) => new()
        {
            BranchId = host.Branch,
            MemberId = memberId,
            ChannelId = "emulator",
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            Message = new ReminderMessage { Text = "【党费提醒】", Actions = ReminderResponses.Buttons(["党费"], "2026-12", [CompletionStatus.Done]) },
        };

        Assert.Equal(SendStatus.Sent, (await sender.SendAsync(Delivery(await host.MemberIdAsync("张三")), CancellationToken.None)).Status);
        Assert.Equal(SendStatus.Sent, (await sender.SendAsync(Delivery(await host.MemberIdAsync("李四")), CancellationToken.None)).Status);

        var sent = host.Messenger.Sent.Select(s => s.Activity.Text ?? string.Empty).ToArray();
        Assert.Equal<string>(["【党费提醒】\n您每月应交纳党费 120.00元。", "【党费提醒】"], sent);
    }

    [Fact]
    public async Task History_PastPeriods_ReadFromTheLedger()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);
        await host.SayAsync("王书记", "设置党费 张三 在职 8000");
        await host.SayAsync("张三", "补交了11月党费");
        await host.SayAsync("王书记", "记录 党员大会 2026-08-20 主题：半年总结");

        var lastMonth = await host.SayAsync("王书记", "完成情况 党费 上个月");
        var quarter = await host.SayAsync("王书记", "完成情况 党员大会 2026-Q3");

        Assert.StartsWith("2026-11 完成情况：", lastMonth, StringComparison.Ordinal);
        Assert.Contains("（2026-11）：1/5 已完成", lastMonth, StringComparison.Ordinal);
        Assert.Contains("李四", lastMonth, StringComparison.Ordinal);
        Assert.StartsWith("2026-Q3 完成情况：", quarter, StringComparison.Ordinal);
        // 党员大会 is monthly under the shipped documents: each month of the quarter, the one held done.
        Assert.Contains("（2026-08）：已完成", quarter, StringComparison.Ordinal);
        Assert.Contains("（2026-07）：未完成", quarter, StringComparison.Ordinal);
        Assert.Contains("（2026-09）：未完成", quarter, StringComparison.Ordinal);
        Assert.Equal("抱歉，该功能仅限党支部书记、副书记使用。", await host.SayAsync("张三", "完成情况 党费 上个月"));
    }

    [Fact]
    public async Task Export_LinkInChat_WorksOnceForTheBranchAndIsRefusedWhenAlteredOrExpired()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);
        await host.SayAsync("王书记", Meeting);
        using var browser = host.Factory.CreateClient();

        var reply = await host.SayAsync("王书记", "导出台账 2026");
        var link = new Uri(LinkPattern().Match(reply).Value);

        Assert.StartsWith("2026年台账（Excel）下载链接，10 分钟内有效", reply, StringComparison.Ordinal);
        Assert.Equal(LedgerChatHost.PublicBase + "/ledger/export/", link.GetLeftPart(UriPartial.Authority) + link.AbsolutePath[..15]);
        var altered = link.PathAndQuery[..^3] + (link.PathAndQuery[^3..] == "AAA" ? "BBB" : "AAA");
        var forged = await browser.GetAsync(new Uri(altered, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("链接无效", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var first = await browser.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("机关第五党支部", first.Content.Headers.ContentDisposition?.FileNameStar ?? first.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var workbook = WorkbookReader.Open(await first.Content.ReadAsByteArrayAsync());
        Assert.Equal("学习党章第三章", workbook["三会一课"].Row("党员大会")[workbook["三会一课"].Column("主题")].Text);
        Assert.Equal(HttpStatusCode.Gone, (await browser.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative))).StatusCode);

        var later = new Uri(LinkPattern().Match(await host.SayAsync("王书记", "导出台账")).Value);
        host.Time.Advance(TimeSpan.FromMinutes(11));
        var expired = await browser.GetAsync(new Uri(later.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("链接已过期", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal("抱歉，该功能仅限党支部书记、副书记、组织委员使用。", await host.SayAsync("张三", "导出台账"));
        Assert.DoesNotContain("http", await host.SayInGroupAsync("王书记", "导出台账"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
