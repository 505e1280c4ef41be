using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Scheduling;

/// <summary>GET /api/admin/branches/{id}/plan (CONTRACT.md, second round): one entry per message as it would be sent.</summary>
public sealed class PlanApiTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Token = "t0ken-for-plan-tests";

    private sealed record Host(WebApplicationFactory<Program> Factory, HttpClient Admin, string Branch) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Admin.Dispose();
            await Factory.DisposeAsync();
        }
    }

    private async Task<Host> StartAsync(string roster = "姓名,角色\n王书记,党支部书记\n李副书记,副书记\n赵委员,组织委员\n张三,党员\n刘六,预备党员\n")
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T10:00:00+08:00", CultureInfo.InvariantCulture));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Redis:Configuration", redis.Configuration)
            .UseSetting("Admin:Token", Token)
            .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time)));
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var branch = "p" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name = "机关第一党支部" })).EnsureSuccessStatusCode();
        using var csv = new StringContent(roster, Encoding.UTF8, "text/csv");
        (await admin.PostAsync(new Uri($"/api/admin/branches/{branch}/roster", UriKind.Relative), csv)).EnsureSuccessStatusCode();
        using var settings = new StringContent("{\"themedDay\":{\"kind\":\"NthWeekday\",\"ordinal\":1,\"weekday\":\"Friday\",\"time\":\"15:00:00\",\"place\":\"三楼会议室\"}}", Encoding.UTF8, "application/json");
        (await admin.PutAsync(new Uri($"/api/admin/branches/{branch}/settings", UriKind.Relative), settings)).EnsureSuccessStatusCode();
        return new Host(factory, admin, branch);
    }

    private static Uri Plan(string branch, string query) => new($"/api/admin/branches/{branch}/plan{query}", UriKind.Relative);

    [Fact]
    public async Task Plan_AYear_OneEntryPerMessageWithTheContractFields()
    {
        await using var host = await StartAsync();

        var response = await host.Admin.GetAsync(Plan(host.Branch, "?from=2027-01-01&to=2027-12-31"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToArray();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            var sendAt = entry.GetProperty("sendAt").GetString()!;
            Assert.Matches(@"^2027-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$", sendAt);
            Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("duty").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("period").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("text").GetString()));
            Assert.All(entry.GetProperty("recipients").EnumerateArray(), r =>
            {
                Assert.False(string.IsNullOrEmpty(r.GetProperty("memberId").GetString()));
                Assert.False(string.IsNullOrEmpty(r.GetProperty("name").GetString()));
                Assert.False(string.IsNullOrEmpty(r.GetProperty("role").GetString()));
            });
            Assert.All(entry.GetProperty("sources").EnumerateArray(), s =>
            {
                Assert.False(string.IsNullOrEmpty(s.GetProperty("document").GetString()));
                Assert.Equal(JsonValueKind.String, s.GetProperty("clauseId").ValueKind);
                Assert.Equal(JsonValueKind.String, s.GetProperty("documentTitle").ValueKind);
            });
        }

        // 党课 each quarter to the secretary; 主题党日 and 交纳党费 every month; no 预备党员 among the recipients of a 考察.
        string[] Duties(JsonElement e) => e.GetProperty("duty").GetString()!.Split('、');
        string[] Periods(JsonElement e) => e.GetProperty("period").GetString()!.Split('、');
        IEnumerable<string> Names(JsonElement e) => e.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("name").GetString()!);
        for (var q = 1; q <= 4; q++)
        {
            Assert.Contains(entries, e => Duties(e).Contains("党课") && Periods(e).Contains($"2027-Q{q}") && Names(e).Contains("王书记"));
        }

        for (var m = 2; m <= 12; m++)
        {
            Assert.Contains(entries, e => Duties(e).Contains("主题党日") && Periods(e).Contains($"2027-{m:00}") && Names(e).Contains("张三"));
            Assert.Contains(entries, e => Duties(e).Contains("交纳党费") && Periods(e).Contains($"2027-{m:00}") && Names(e).Contains("张三"));
        }

        Assert.DoesNotContain(entries, e => Duties(e).Contains("预备党员考察") && Names(e).Contains("刘六"));
        Assert.DoesNotContain(entries, e => Duties(e).Any(d => d is "中心组学习" or "意识形态" or "警示教育"));
        var perPersonAndTime = entries.SelectMany(e => Names(e).Select(n => (n, e.GetProperty("sendAt").GetString()))).ToArray();
        Assert.Equal(perPersonAndTime.Length, perPersonAndTime.Distinct().Count());
    }

    [Fact]
    public async Task Plan_OneDayAndFourHundredDays_Accepted()
    {
        await using var host = await StartAsync();

        var oneDay = await host.Admin.GetAsync(Plan(host.Branch, "?from=2027-01-04&to=2027-01-04"));
        var longest = await host.Admin.GetAsync(Plan(host.Branch, "?from=2027-01-01&to=2028-02-04"));

        Assert.Equal(HttpStatusCode.OK, oneDay.StatusCode);
        var day = (await oneDay.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToArray();
        Assert.NotEmpty(day);
        Assert.All(day, e => Assert.StartsWith("2027-01-04T", e.GetProperty("sendAt").GetString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?from=2027-01-01")]
    [InlineData("?to=2027-01-01")]
    [InlineData("?from=2027-13-01&to=2027-12-31")]
    [InlineData("?from=2027/01/01&to=2027-12-31")]
    [InlineData("?from=tomorrow&to=2027-12-31")]
    [InlineData("?from=2027-12-31&to=2027-01-01")]
    [InlineData("?from=2027-01-01&to=2028-02-05")]
    public async Task Plan_BadRange_400JsonError(string query)
    {
        await using var host = await StartAsync();

        var response = await host.Admin.GetAsync(Plan(host.Branch, query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Plan_UnknownBranchOrNoToken_404Or401()
    {
        await using var host = await StartAsync();
        using var anonymous = host.Factory.CreateClient();

        var unknown = await host.Admin.GetAsync(Plan("nope", "?from=2027-01-01&to=2027-01-31"));
        var unauthorized = await anonymous.GetAsync(Plan(host.Branch, "?from=2027-01-01&to=2027-01-31"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Fact]
    public async Task Plan_StoreDown_503Json()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Redis:Configuration", "127.0.0.1:1,abortConnect=false,connectTimeout=300,syncTimeout=300,asyncTimeout=300")
            .UseSetting("Admin:Token", Token));
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var response = await admin.GetAsync(Plan("jg1", "?from=2027-01-01&to=2027-01-31"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Plan_RosterPersonColumns_ReviewToIntroducerAndSecretaryReportsFromAwayMembersTeamQuota()
    {
        await using var host = await StartAsync(
            "姓名,角色,手机号,预备期开始日期,延长,入党介绍人,党小组,班子成员,外出\n"
            + "王书记,党支部书记,,,,,第一党小组,,\n"
            + "张三,党员,,,,,第一党小组,是,2027-01-01~2027-06-30\n"
            + "陈五,党员,,,,,第二党小组,,\n"
            + "刘六,预备党员,,2026-10-01,2028-03-31,张三,第一党小组,,\n");
        var entries = (await host.Admin.GetFromJsonAsync<JsonElement>(Plan(host.Branch, "?from=2027-01-01&to=2027-12-31").ToString())).EnumerateArray().ToArray();
        IEnumerable<string> Names(JsonElement e) => e.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("name").GetString()!);
        string Text(JsonElement e) => e.GetProperty("text").GetString()!;

        // 考察 of 刘六: to 张三 (介绍人) and 王书记, never 刘六 or 陈五; quarterly in the probation year, every two months once extended.
        var reviews = entries.Where(e => Text(e).Contains("预备党员刘六进行教育考察", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(reviews);
        // Each person's copy sits in their digest of the day: together they reach exactly the introducer and the secretary.
        Assert.Equal(["张三", "王书记"], reviews.SelectMany(Names).Distinct().Order());
        Assert.Contains(reviews, e => Text(e).Contains("2027年第三季度请对预备党员刘六", StringComparison.Ordinal));
        Assert.Contains(reviews, e => Text(e).Contains("2027年第6个两月期（11—12月）请对延长预备期的预备党员刘六", StringComparison.Ordinal));
        Assert.DoesNotContain(reviews, e => Text(e).Contains("2027年第四季度请对预备党员刘六", StringComparison.Ordinal));

        // 学时: 张三 is a 班子成员 on the roster.
        Assert.Contains(entries, e => Names(e).SequenceEqual(["张三"]) && Text(e).Contains("不少于56学时", StringComparison.Ordinal));
        Assert.Contains(entries, e => Names(e).Contains("陈五") && Text(e).Contains("不少于32学时", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MemberPut_FieldsReadLikeTheCsv_BadValues400AndNothingChanged()
    {
        await using var host = await StartAsync();
        var members = (await host.Admin.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{host.Branch}/members")).EnumerateArray().ToArray();
        var zhang = members.Single(m => m.GetProperty("name").GetString() == "张三").GetProperty("id").GetString()!;
        var url = new Uri($"/api/admin/branches/{host.Branch}/members/{zhang}", UriKind.Relative);
        using var bad = new StringContent("{\"away\":\"2027-05-01~2027-01-01\",\"teamMember\":\"也许\"}", Encoding.UTF8, "application/json");
        using var good = new StringContent("{\"away\":\"2027-01-01~2027-03-31\",\"teamMember\":true,\"partyGroup\":\"第一党小组\"}", Encoding.UTF8, "application/json");
        using var unknown = new StringContent("{}", Encoding.UTF8, "application/json");

        var refused = await host.Admin.PutAsync(url, bad);
        var saved = await host.Admin.PutAsync(url, good);
        var missing = await host.Admin.PutAsync(new Uri($"/api/admin/branches/{host.Branch}/members/nobody", UriKind.Relative), unknown);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.Contains("外出", error, StringComparison.Ordinal);
        Assert.Contains("班子成员", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var profile = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profile");
        Assert.Equal("2027-01-01", profile.GetProperty("awayFrom").GetString());
        Assert.Equal("2027-03-31", profile.GetProperty("awayUntil").GetString());
        Assert.True(profile.GetProperty("teamMember").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // 外出 in Q1: 张三 is asked for a 思想汇报 that quarter, with the 预备党员.
        var entries = (await host.Admin.GetFromJsonAsync<JsonElement>(Plan(host.Branch, "?from=2027-01-04&to=2027-01-04").ToString())).EnumerateArray().ToArray();
        Assert.Contains(entries, e => e.GetProperty("text").GetString()!.Contains("思想汇报", StringComparison.Ordinal)
            && e.GetProperty("recipients").EnumerateArray().Any(r => r.GetProperty("name").GetString() == "张三"));
    }

    [Fact]
    public async Task RosterCsv_BadPersonColumn_WholeImportRefusedWithTheRow()
    {
        await using var host = await StartAsync();
        using var csv = new StringContent("姓名,角色,预备期开始日期,入党介绍人\n钱七,预备党员,2026-13-01,甲、乙、丙\n孙八,党员,,\n", Encoding.UTF8, "text/csv");

        var response = await host.Admin.PostAsync(new Uri($"/api/admin/branches/{host.Branch}/roster", UriKind.Relative), csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("预备期开始日期", body, StringComparison.Ordinal);
        Assert.Contains("入党介绍人", body, StringComparison.Ordinal);
        var members = (await host.Admin.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{host.Branch}/members")).EnumerateArray();
        Assert.DoesNotContain(members, m => m.GetProperty("name").GetString() is "钱七" or "孙八");
    }
}
