using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Bot.Links;
using PartyAffairs.Bot.Tests.EndToEnd;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.Console;

/// <summary>
/// The console in headless Chromium against the whole host on 127.0.0.1 (real Web Chat bundle, redis-server, SQLite
/// ledger): sign-in through the link sent for “管理台” in Web Chat, a reused and an expired link refused, an .xlsx roster
/// with one bad row, the overview reflecting a confirmation made in Web Chat, a record created, the workbook downloaded,
/// branch B refused, the page at 390 px. Screenshots are kept under the test output (e2e-screenshots/console).
/// </summary>
public sealed class ConsoleEndToEndTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string AdminToken = "console-e2e-admin-token";
    private const string SigningKey = "console-e2e-link-key-0123456789abcdef";

    [Fact]
    public async Task Console_SignInByChatLink_UploadRecordDownload_OverviewFollowsChat_OtherBranchRefused_Phone()
    {
        var dataDir = Directory.CreateTempSubdirectory("pa-console-e2e-").FullName;
        await using var host = new EndToEndHost(redis, new Dictionary<string, string?>
        {
            ["Admin:Token"] = AdminToken,
            ["Links:Key"] = SigningKey,
            ["Storage:DataDir"] = dataDir,
        });
        var address = host.Start();
        var (branchA, branchB, codes, members) = await SetUpAsync(address);
        var badXlsx = Path.Combine(ConsoleBrowserScenario.ArtifactDirectory, "roster-one-bad-row.xlsx");
        Directory.CreateDirectory(ConsoleBrowserScenario.ArtifactDirectory);
        await File.WriteAllBytesAsync(badXlsx, RosterWorkbook.Of(["姓名", "角色", "手机号"], ["孙五", "党员", "13800000011"], ["周六", "群众", ""], ["吴七", "预备党员", ""]));
        // A link signed with the host's key an hour ago: genuine, but expired.
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        var expired = new SignedLinks(PartyAffairs.Bot.Links.LinkKey.From(new LinkOptions { Key = SigningKey }, dataDir), host.Services.GetRequiredService<IConnectionMultiplexer>(), past)
            .Issue("console-signin", members["王书记"], branchA, TimeSpan.FromMinutes(10));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

        var report = await ConsoleBrowserScenario.RunAsync(address, new
        {
            branchA,
            branchB,
            secretaryCode = codes["王书记"],
            memberCode = codes["张三"],
            expiredLink = $"{address}console/signin?t={Uri.EscapeDataString(expired)}".Replace("//console", "/console", StringComparison.Ordinal),
            badXlsx,
            recordDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        Assert.True(report.GetProperty("ok").GetBoolean(), report.GetProperty("error").ToString() + "\n" + report);
        var checks = report.GetProperty("checks");
        string Text(string name) => checks.GetProperty(name).ToString();
        int Number(string name) => checks.GetProperty(name).GetInt32();

        Assert.Contains("仅可使用一次", Text("linkReply"), StringComparison.Ordinal);
        Assert.EndsWith($"/console/branches/{branchA}", Text("signInUrl"), StringComparison.Ordinal);
        Assert.StartsWith("已记录：交纳党费", Text("memberConfirm"), StringComparison.Ordinal);
        Assert.Equal(Number("duesDoneBefore") + 1, Number("duesDoneAfter"));
        Assert.Equal(410, Number("reusedStatus"));
        Assert.Contains("已被使用", Text("reusedText"), StringComparison.Ordinal);
        Assert.Equal(410, Number("expiredStatus"));
        Assert.Contains("已超过有效期", Text("expiredText"), StringComparison.Ordinal);
        Assert.Contains("第 3 行", Text("uploadError"), StringComparison.Ordinal);
        Assert.Contains("未导入任何成员", Text("uploadError"), StringComparison.Ordinal);
        Assert.Equal(Number("rosterRowsBefore"), Number("rosterRowsAfter"));
        Assert.Contains("记录已保存", Text("recordSaved"), StringComparison.Ordinal);
        Assert.Equal(1, Number("recordRows"));
        var download = report.GetProperty("download");
        Assert.Equal("PK", download.GetProperty("magic").GetString());
        Assert.EndsWith(".xlsx", download.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Contains("每月最多有5个", Text("settingsError"), StringComparison.Ordinal);
        Assert.StartsWith("已保存", Text("settingsSaved"), StringComparison.Ordinal);
        Assert.Contains("送达 1", Text("noticeReport"), StringComparison.Ordinal);
        foreach (var path in new[] { "/", "/members", "/records", "/reminders", "/notices" })
        {
            Assert.Equal(403, Number("branchB" + path));
        }

        Assert.Contains("无权访问", Text("branchBText"), StringComparison.Ordinal);
        Assert.True(Number("phoneScrollWidth") <= 390, $"the overview fits 390 px (scrollWidth {Number("phoneScrollWidth")})");
        foreach (var screenshot in report.GetProperty("screenshots").EnumerateArray())
        {
            var png = await File.ReadAllBytesAsync(screenshot.GetString()!);
            Assert.True(png.Length > 5_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a real PNG screenshot");
        }

        Assert.Empty(report.GetProperty("consoleErrors").EnumerateArray());
    }

    /// <summary>Branch A (a secretary and a member) and branch B (a secretary) through the admin API.</summary>
    private static async Task<(string A, string B, Dictionary<string, string> Codes, Dictionary<string, string> Members)> SetUpAsync(Uri address)
    {
        using var admin = new HttpClient { BaseAddress = address };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var codes = new Dictionary<string, string>();
        var members = new Dictionary<string, string>();
        foreach (var (branch, name, roster) in new[] { ("a" + suffix, "机关第一党支部", "姓名,角色\n王书记,党支部书记\n张三,党员\n"), ("b" + suffix, "机关第二党支部", "姓名,角色\n赵书记,党支部书记\n") })
        {
            using var created = await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name });
            created.EnsureSuccessStatusCode();
            using var csv = new StringContent(roster, Encoding.UTF8, "text/csv");
            using var imported = await admin.PostAsync(new Uri($"/api/admin/branches/{branch}/roster", UriKind.Relative), csv);
            imported.EnsureSuccessStatusCode();
            foreach (var m in (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members").EnumerateArray())
            {
                codes[m.GetProperty("name").GetString()!] = m.GetProperty("inviteCode").GetString()!;
                members[m.GetProperty("name").GetString()!] = m.GetProperty("id").GetString()!;
            }
        }

        return ("a" + suffix, "b" + suffix, codes, members);
    }
}
