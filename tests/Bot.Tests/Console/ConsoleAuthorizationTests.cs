using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Ledger.Records;
using PartyAffairs.Scheduler.Settings;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Console;

/// <summary>
/// A secretary of branch A against branch B: every page, download and form post refused (403) and nothing changed;
/// no session → the login page; a post without the antiforgery token refused.
/// </summary>
public sealed class ConsoleAuthorizationTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly string[] Pages =
    [
        "", "/members", "/members/{member}", "/members?duty=党费&state=open", "/invites", "/records", "/records/new", "/records/{record}",
        "/records?handler=Workbook&year=2026", "/reminders", "/reminders?month=2026-12", "/notices",
    ];

    [Fact]
    public async Task SecretaryOfA_EveryPageAndDownloadOfB_403_WhileTheirOwnAre200()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        var recordA = await CreateRecordAsync(host, host.BranchA, "王书记");
        var recordB = await CreateRecordAsync(host, host.BranchB, "赵书记");
        using var browser = await host.SignedInAsync("王书记");

        foreach (var page in Pages)
        {
            var own = await browser.GetAsync(new Uri($"/console/branches/{host.BranchA}" + Fill(page, host.People["张三"].Id, recordA), UriKind.Relative));
            var other = await browser.GetAsync(new Uri($"/console/branches/{host.BranchB}" + Fill(page, host.People["钱四"].Id, recordB), UriKind.Relative));

            Assert.True(own.StatusCode == HttpStatusCode.OK, $"{page} of the own branch: {own.StatusCode}");
            Assert.True(other.StatusCode == HttpStatusCode.Forbidden, $"{page} of another branch: {other.StatusCode}");
            var body = await other.Content.ReadAsStringAsync();
            Assert.Contains("无权访问", body, StringComparison.Ordinal);
            Assert.DoesNotContain("钱四", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SecretaryOfA_BsMemberOrRecordThroughAsAddress_404()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        var recordB = await CreateRecordAsync(host, host.BranchB, "赵书记");
        using var browser = await host.SignedInAsync("王书记");

        foreach (var page in new[] { $"/members/{host.People["钱四"].Id}", $"/records/{recordB}", "/records/abc", "/members/nobody", "/reminders?month=bad" })
        {
            var response = await browser.GetAsync(new Uri($"/console/branches/{host.BranchA}" + page, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{page}: {response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri("/console/no/such/page", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SecretaryOfA_EveryFormPostToB_WithAValidToken_403_AndNothingChanged()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        var recordB = await CreateRecordAsync(host, host.BranchB, "赵书记");
        using var browser = await host.SignedInAsync("王书记");
        var own = $"/console/branches/{host.BranchA}/members";
        var b = $"/console/branches/{host.BranchB}";
        var money = host.People["钱四"];
        var invitesBefore = await host.Roster.ListInvitesAsync(host.BranchB, CancellationToken.None);
        var settingsBefore = await host.Services.GetRequiredService<BranchSettingsService>().GetAsync(host.BranchB, CancellationToken.None);

        var posts = new (string Action, Dictionary<string, string> Fields)[]
        {
            ($"{b}/members?handler=Reissue", new() { ["memberId"] = money.Id }),
            ($"{b}/members/{money.Id}?handler=Save", new() { ["name"] = "改名", ["role"] = "党员", ["mobile"] = "" }),
            ($"{b}/members/{money.Id}?handler=Remove", []),
            ($"{b}/records/new", new() { ["kind"] = "党员大会", ["date"] = "2026-11-10", ["attendees"] = "钱四" }),
            ($"{b}/records/{recordB}", new() { ["kind"] = "党员大会", ["date"] = "2026-11-11", ["topic"] = "被改了" }),
            ($"{b}/reminders", new() { ["item"] = "党费日", ["value"] = "每月5日" }),
            ($"{b}/notices?handler=Preview", new() { ["text"] = "越权通知" }),
            ($"{b}/notices?handler=Send", new() { ["text"] = "越权通知" }),
        };
        foreach (var (action, fields) in posts)
        {
            var response = await ConsoleHost.PostFormAsync(browser, action, fields, own);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{action}: {response.StatusCode}");
        }

        var upload = await ConsoleHost.UploadAsync(browser, host.BranchB, "姓名,角色\n新人,党员\n"u8.ToArray(), "roster.csv", own);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);

        var members = await host.Roster.ListMembersAsync(host.BranchB, CancellationToken.None);
        Assert.Equal(["赵书记", "钱四"], members.Select(m => m.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(invitesBefore, await host.Roster.ListInvitesAsync(host.BranchB, CancellationToken.None));
        var records = await host.Services.GetRequiredService<RecordService>().ListAsync(host.BranchB, 2026, CancellationToken.None);
        Assert.Equal("初始", Assert.Single(records!).Topic);
        Assert.Equal(settingsBefore.DuesDays, (await host.Services.GetRequiredService<BranchSettingsService>().GetAsync(host.BranchB, CancellationToken.None)).DuesDays);
    }

    [Fact]
    public async Task NoSession_PagesRedirectToLogin_AndPostsAreRefused()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var anonymous = host.Browser();

        foreach (var page in Pages)
        {
            var response = await anonymous.GetAsync(new Uri($"/console/branches/{host.BranchA}" + Fill(page, host.People["张三"].Id, 1), UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}: {response.StatusCode}");
            Assert.StartsWith("/console/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var post = await ConsoleHost.PostFormAsync(anonymous, $"/console/branches/{host.BranchA}/reminders", new() { ["item"] = "党费日", ["value"] = "每月5日" }, "/console/login");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal([1, 20], (await host.Services.GetRequiredService<BranchSettingsService>().GetAsync(host.BranchA, CancellationToken.None)).DuesDays);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Refused_AndNothingChanged()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = await host.SignedInAsync("王书记");
        var zhang = host.People["张三"];

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "改名", ["role"] = "党员" });
        var response = await browser.PostAsync(new Uri($"/console/branches/{host.BranchA}/members/{zhang.Id}?handler=Save", UriKind.Relative), form);
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "改名", ["role"] = "党员", ["__af"] = "forged" });
        var forgedResponse = await browser.PostAsync(new Uri($"/console/branches/{host.BranchA}/members/{zhang.Id}?handler=Save", UriKind.Relative), forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedResponse.StatusCode);
        Assert.Equal("张三", (await host.Roster.GetMemberAsync(zhang.Id, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task Office_MayChangeAnyBranch()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var office = await host.OfficeAsync();
        var money = host.People["钱四"];

        var response = await ConsoleHost.PostFormAsync(office, $"/console/branches/{host.BranchB}/members/{money.Id}?handler=Save",
            new() { ["name"] = "钱四", ["role"] = "预备党员", ["mobile"] = "13900000002" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("预备党员", (await host.Roster.GetMemberAsync(money.Id, CancellationToken.None))!.Role);
    }

    private static string Fill(string page, string member, long record) =>
        page.Replace("{member}", member, StringComparison.Ordinal).Replace("{record}", record.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static async Task<long> CreateRecordAsync(ConsoleHost host, string branchId, string attendee)
    {
        var outcome = await host.Services.GetRequiredService<RecordService>().CreateAsync(branchId,
            new RecordInput { Kind = "党员大会", Date = "2026-11-02", Topic = "初始", Attendees = [attendee] }, "test", CancellationToken.None);
        Assert.Equal(RecordStatus.Saved, outcome.Status);
        return outcome.Record!.Id;
    }
}
