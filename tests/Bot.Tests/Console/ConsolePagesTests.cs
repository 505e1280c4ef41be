using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Ledger.Notices;
using PartyAffairs.Ledger.Records;
using PartyAffairs.Scheduler.Settings;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Console;

/// <summary>What the pages do with good and bad input: uploads, member edits and removal, records, reminder settings, notices.</summary>
public sealed class ConsolePagesTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Upload_XlsxWithOneBadRow_ListsItByLine_AndImportsNothing()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = await host.SignedInAsync("王书记");
        var xlsx = RosterWorkbook.Of(["姓名", "角色", "手机号"], ["孙五", "党员", "13800000011"], ["周六", "群众", "13800000012"], ["吴七", "预备党员", ""]);

        var response = await ConsoleHost.UploadAsync(browser, host.BranchA, xlsx, "名册.xlsx");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("名册中有 1 行有误，未导入任何成员", html, StringComparison.Ordinal);
        Assert.Contains("第 3 行：角色“群众”无效", html, StringComparison.Ordinal);
        Assert.Equal(3, (await host.Roster.ListMembersAsync(host.BranchA, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Upload_ValidXlsxAndCsv_Imported_WithInviteCodes()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = await host.SignedInAsync("王书记");

        var xlsx = await ConsoleHost.UploadAsync(browser, host.BranchA, RosterWorkbook.Of(["姓名", "角色", "手机号"], ["孙五", "党员", "13800000011"]), "名册.xlsx");
        var csv = await ConsoleHost.UploadAsync(browser, host.BranchA, "\uFEFF姓名,角色\n吴七,预备党员\n"u8.ToArray(), "roster.csv");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Contains("导入完成：新增 1 人", await xlsx.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var members = await host.Roster.ListMembersAsync(host.BranchA, CancellationToken.None);
        Assert.Contains(members, m => m.Name == "孙五" && m.Mobile == "13800000011");
        Assert.Contains(members, m => m.Name == "吴七");
        var invites = await host.Roster.ListInvitesAsync(host.BranchA, CancellationToken.None);
        Assert.Contains(invites, i => i.MemberId == members.First(m => m.Name == "孙五").Id);
    }

    [Theory]
    [InlineData("photo.png", "png")]
    [InlineData("roster.xlsx", "text")]
    [InlineData("roster.csv", "zip")]
    [InlineData("roster.csv", "gbk")]
    [InlineData("roster.csv", "large")]
    [InlineData("roster.csv", "empty")]
    public async Task Upload_WrongTypeBadEncodingTooLargeOrEmpty_ClearMessage_AndNothingChanged(string name, string kind)
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = await host.SignedInAsync("王书记");
        byte[] content = kind switch
        {
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0],
            "text" => "姓名,角色\n孙五,党员\n"u8.ToArray(),
            "zip" => RosterWorkbook.Of(["姓名", "角色"], ["孙五", "党员"]),
            "gbk" => [0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xBD, 0xC7, 0xC9, 0xAB, 0x0A],
            "large" => [.. "姓名,角色\n"u8.ToArray(), .. Enumerable.Repeat((byte)'x', 1024 * 1024 + 10)],
            _ => [],
        };

        var response = await ConsoleHost.UploadAsync(browser, host.BranchA, content, name);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var expected = kind switch
        {
            "png" or "text" or "zip" => "文件类型不正确",
            "gbk" => "UTF-8",
            "large" => "文件过大",
            _ => "请选择要导入的名册文件",
        };
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Equal(3, (await host.Roster.ListMembersAsync(host.BranchA, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task EditMember_BadInput_MessageInPlace_AndNothingChanged_ThenValidSaved()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = await host.SignedInAsync("王书记");
        var zhang = host.People["张三"];
        var page = $"/console/branches/{host.BranchA}/members/{zhang.Id}";

        var bad = await ConsoleHost.PostFormAsync(browser, page + "?handler=Save", new() { ["name"] = "", ["role"] = "群众", ["mobile"] = "123" });
        var taken = await ConsoleHost.PostFormAsync(browser, page + "?handler=Save", new() { ["name"] = "张三", ["role"] = "党员", ["mobile"] = "13800000001" });
        var good = await ConsoleHost.PostFormAsync(browser, page + "?handler=Save", new() { ["name"] = "张三丰", ["role"] = "预备党员", ["mobile"] = "+86 138 0000 0099" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("姓名为空", html, StringComparison.Ordinal);
        Assert.Contains("角色“群众”无效", html, StringComparison.Ordinal);
        Assert.Contains("手机号“123”格式不正确", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("已用于本支部其他成员", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var saved = await host.Roster.GetMemberAsync(zhang.Id, CancellationToken.None);
        Assert.Equal(("张三丰", "预备党员", "13800000099"), (saved!.Name, saved.Role, saved.Mobile));
    }

    [Fact]
    public async Task RemoveMember_AfterConfirmation_GoneWithInviteCode()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = await host.SignedInAsync("王书记");
        var zhang = host.People["张三"];
        var page = $"/console/branches/{host.BranchA}/members/{zhang.Id}";
        var code = (await host.Roster.ListInvitesAsync(host.BranchA, CancellationToken.None)).Single(i => i.MemberId == zhang.Id).Code;

        Assert.Contains("确认移除", await browser.GetStringAsync(new Uri(page + "?remove=1", UriKind.Relative)), StringComparison.Ordinal);
        var removed = await ConsoleHost.PostFormAsync(browser, page + "?handler=Remove", [], page + "?remove=1");

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Null(await host.Roster.GetMemberAsync(zhang.Id, CancellationToken.None));
        Assert.DoesNotContain(await host.Roster.ListInvitesAsync(host.BranchA, CancellationToken.None), i => i.Code == code);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri(page, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Reissue_NewCode_OldOneInvalid()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = await host.SignedInAsync("王书记");
        var zhang = host.People["张三"];
        var old = (await host.Roster.ListInvitesAsync(host.BranchA, CancellationToken.None)).Single(i => i.MemberId == zhang.Id).Code;

        var response = await ConsoleHost.PostFormAsync(browser, $"/console/branches/{host.BranchA}/members?handler=Reissue", new() { ["memberId"] = zhang.Id });

        Assert.Contains("原邀请码已失效", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var now = (await host.Roster.ListInvitesAsync(host.BranchA, CancellationToken.None)).Single(i => i.MemberId == zhang.Id).Code;
        Assert.NotEqual(old, now);
        Assert.Equal(PartyAffairs.Bot.State.BindOutcome.InvalidCode, (await host.Roster.ClaimInviteAsync(old, "test", "u1", CancellationToken.None)).Outcome);
        var sheet = await browser.GetStringAsync(new Uri($"/console/branches/{host.BranchA}/invites", UriKind.Relative));
        Assert.Contains(now, sheet, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_InvalidInput_LedgerMessages_NothingCreated_ThenCreatedEditedWithAudit_AndWorkbook()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = await host.SignedInAsync("王书记");
        var records = host.Services.GetRequiredService<RecordService>();
        var page = $"/console/branches/{host.BranchA}/records";

        var bad = await ConsoleHost.PostFormAsync(browser, page + "/new", new() { ["kind"] = "党员大会", ["date"] = "2027-05-01", ["attendees"] = "王书记、查无此人" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("查无此人", html, StringComparison.Ordinal);
        Assert.Empty((await records.ListAsync(host.BranchA, 2026, CancellationToken.None))!);

        var created = await ConsoleHost.PostFormAsync(browser, page + "/new",
            new() { ["kind"] = "党员大会", ["date"] = "2026-11-18", ["topic"] = "学习全会精神", ["attendees"] = "王书记、李委员", ["absent"] = "张三 出差", ["hours"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var record = Assert.Single((await records.ListAsync(host.BranchA, 2026, CancellationToken.None))!);
        Assert.Equal("出差", record.Absent.Single().Reason);
        Assert.Equal(2, record.Present.Count());

        var edited = await ConsoleHost.PostFormAsync(browser, $"{page}/{record.Id}",
            new() { ["kind"] = "党员大会", ["date"] = "2026-11-18", ["topic"] = "学习全会精神（补记）", ["attendees"] = "王书记、李委员、张三", ["absent"] = "", ["hours"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var shown = await browser.GetStringAsync(new Uri($"{page}/{record.Id}", UriKind.Relative));
        Assert.Contains("修改记录", shown, StringComparison.Ordinal);
        Assert.Contains("console:" + host.People["王书记"].Id, shown, StringComparison.Ordinal);
        Assert.Contains("学习全会精神（补记）", shown, StringComparison.Ordinal);

        var workbook = await browser.GetAsync(new Uri(page + "?handler=Workbook&year=2026", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        var bytes = await workbook.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Theory]
    [InlineData("主题党日", "每月第六个周五 15:00 三楼会议室")]
    [InlineData("免打扰", "21:30-21:30")]
    [InlineData("提醒", "提前99天 08:30")]
    [InlineData("时区", "Mars/Olympus")]
    public async Task ReminderSettings_Invalid_SameMessageAsChat_AndNothingChanged(string item, string value)
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = await host.SignedInAsync("王书记");
        var settings = host.Services.GetRequiredService<BranchSettingsService>();
        var before = await settings.GetAsync(host.BranchA, CancellationToken.None);
        // What the chat answers the same command on a scratch branch.
        var scratch = "s" + Guid.NewGuid().ToString("N")[..8];
        await host.Roster.CreateBranchAsync(scratch, "对照支部", CancellationToken.None);
        var chat = await host.Services.GetRequiredService<ReminderSettingsService>().ApplyCommandAsync(scratch, $"设置{item} {value}", CancellationToken.None);
        Assert.False(chat.Saved);

        var response = await ConsoleHost.PostFormAsync(browser, $"/console/branches/{host.BranchA}/reminders", new() { ["item"] = item, ["value"] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(chat.Reply).Replace("&#x2B;", "+", StringComparison.Ordinal), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await settings.GetAsync(host.BranchA, CancellationToken.None);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(after));
    }

    [Fact]
    public async Task ReminderSettings_ThemedDay_Saved_AndShownInTheMonthCalendar()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = await host.SignedInAsync("王书记");

        var response = await ConsoleHost.PostFormAsync(browser, $"/console/branches/{host.BranchA}/reminders", new() { ["item"] = "主题党日", ["value"] = "每月第一个周五 15:00 三楼会议室" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已保存", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var december = await browser.GetStringAsync(new Uri($"/console/branches/{host.BranchA}/reminders?month=2026-12", UriKind.Relative));
        // 4 December 2026 is the first Friday: the day's cell lists the themed day's reminder.
        var cell = december[december.IndexOf("data-date=\"2026-12-04\"", StringComparison.Ordinal)..];
        cell = cell[..cell.IndexOf("</div>", StringComparison.Ordinal)];
        Assert.Contains("主题党日", cell, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notice_EmptyRefused_PreviewThenSend_ReportListsUnbound()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = await host.SignedInAsync("王书记");
        var page = $"/console/branches/{host.BranchA}/notices";

        var empty = await ConsoleHost.PostFormAsync(browser, page + "?handler=Preview", new() { ["text"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请填写通知内容", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var preview = await ConsoleHost.PostFormAsync(browser, page + "?handler=Preview", new() { ["text"] = "周五下午召开党员大会" });
        Assert.Contains("将发送给 2 人", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sent = await ConsoleHost.PostFormAsync(browser, page + "?handler=Send", new() { ["text"] = "周五下午召开党员大会" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var report = await browser.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.Contains("周五下午召开党员大会", report, StringComparison.Ordinal);
        Assert.Contains("未绑定 2", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notices_FromTheLedger_CountsAcknowledgedAndWhoHasNot()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        var notices = host.Services.GetRequiredService<NoticeService>();
        var (secretary, committee, member) = (host.People["王书记"], host.People["李委员"], host.People["张三"]);
        var id = await notices.RecordAsync(new NoticeDraft
        {
            Key = "chat-step-1", BranchId = host.BranchA, SenderId = secretary.Id, SenderName = "王书记", Text = "周五下午三点召开党员大会", SentAt = host.Time.GetUtcNow(),
            Addressees = [new(committee.Id, "李委员", NoticeDelivery.Pending), new(member.Id, "张三", NoticeDelivery.Pending)],
        }, CancellationToken.None);
        await notices.FinishAsync(host.BranchA, "chat-step-1", new Dictionary<string, NoticeDelivery> { [committee.Id] = NoticeDelivery.Delivered, [member.Id] = NoticeDelivery.Failed }, CancellationToken.None);
        await notices.AcknowledgeAsync(host.BranchA, id, committee.Id, null, CancellationToken.None);
        using var browser = await host.SignedInAsync("王书记");

        var page = await browser.GetStringAsync(new Uri($"/console/branches/{host.BranchA}/notices", UriKind.Relative));

        Assert.Contains("周五下午三点召开党员大会", page, StringComparison.Ordinal);
        // The list's closed line says which notice it is, not only when and by whom.
        Assert.Contains("<span class=\"excerpt\">周五下午三点召开党员大会</span>", page, StringComparison.Ordinal);
        Assert.Contains("送达 1，未绑定 0，失败 1", page, StringComparison.Ordinal);
        Assert.Contains("已确认 1/2", page, StringComparison.Ordinal);
        Assert.Contains("已确认：李委员", page, StringComparison.Ordinal);
        Assert.Contains("未确认：张三", page, StringComparison.Ordinal);

        // Another branch's secretary never sees it.
        using var other = await host.SignedInAsync("赵书记");
        var theirs = await other.GetStringAsync(new Uri($"/console/branches/{host.BranchB}/notices", UriKind.Relative));
        Assert.DoesNotContain("周五下午三点召开党员大会", theirs, StringComparison.Ordinal);
    }
}
