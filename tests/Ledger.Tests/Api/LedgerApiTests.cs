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
using PartyAffairs.Ledger.Completion;
using PartyAffairs.Ledger.Tests.Export;
using PartyAffairs.Ledger.Tests.Infrastructure;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Ledger.Tests.Api;

/// <summary>
/// The ledger's admin endpoints as the host composes them (real Redis roster, the ledger on SQLite or PostgreSQL): the
/// external contract of CONTRACT.md (records, dues, ledger.xlsx), with the admin token, on both stores.
/// </summary>
public abstract class LedgerApiTests(RedisServerFixture redis) : IAsyncLifetime
{
    private const string Token = "t0ken-for-ledger-tests";

    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _admin = null!;

    protected string Branch { get; } = "l" + Guid.NewGuid().ToString("N")[..8];

    private Dictionary<string, string> Ids { get; set; } = [];

    /// <summary>Settings that choose the store.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string>> StoreSettingsAsync();

    public async Task InitializeAsync()
    {
        var settings = await StoreSettingsAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Redis:Configuration", redis.Configuration).UseSetting("Admin:Token", Token);
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(LedgerHarness.Now)));
        });
        _admin = _factory.CreateClient();
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        (await _admin.PostAsJsonAsync("/api/admin/branches", new { id = Branch, name = "机关第一党支部" })).EnsureSuccessStatusCode();
        using var csv = new StringContent("姓名,角色\n王明,党支部书记\n张三,党员\n李四,党员\n", Encoding.UTF8, "text/csv");
        (await _admin.PostAsync(new Uri($"/api/admin/branches/{Branch}/roster", UriKind.Relative), csv)).EnsureSuccessStatusCode();
        var members = await _admin.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{Branch}/members");
        Ids = members.EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("id").GetString()!);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostRecordAsync(object body, string? branch = null) =>
        _admin.PostAsJsonAsync($"/api/admin/branches/{branch ?? Branch}/records", body);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Members_ItemsCarryIdNameAndRole()
    {
        var members = await _admin.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{Branch}/members");

        Assert.All(members.EnumerateArray(), m =>
        {
            Assert.False(string.IsNullOrEmpty(m.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrEmpty(m.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(m.GetProperty("role").GetString()));
        });
    }

    [Fact]
    public async Task PostRecord_WithAttendanceAndReason_201WithIdListedForTheYearAndCounted()
    {
        var response = await PostRecordAsync(new
        {
            kind = "党员大会", date = "2026-12-03", topic = "学习党章第三章", speaker = "王明",
            attendees = new[] { "王明", "张三" }, absent = new[] { new { name = "李四", reason = "出差" } }, hours = 2, notes = "全体参加",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await JsonAsync(response)).GetProperty("id").GetInt64();
        var list = await _admin.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{Branch}/records?year=2026");
        var record = Assert.Single(list.EnumerateArray());
        Assert.Equal(id, record.GetProperty("id").GetInt64());
        Assert.Equal("党员大会", record.GetProperty("kind").GetString());
        Assert.Equal("2026-12-03", record.GetProperty("date").GetString());
        Assert.Equal(["王明", "张三"], record.GetProperty("attendees").EnumerateArray().Select(a => a.GetString()));
        var absent = Assert.Single(record.GetProperty("absent").EnumerateArray());
        Assert.Equal(("李四", "出差", Ids["李四"]), (absent.GetProperty("name").GetString(), absent.GetProperty("reason").GetString(), absent.GetProperty("memberId").GetString()));
        Assert.Equal(2, record.GetProperty("hours").GetDecimal());
        Assert.Empty((await _admin.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{Branch}/records?year=2025")).EnumerateArray());
        Assert.IsType<SqlCompletionLedger>(_factory.Services.GetRequiredService<ICompletionLedger>());
        // The period is whatever the binding documents set (每月1次支部党员大会 in 001): the one holding 3 December.
        var completions = await _admin.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{Branch}/completions?year=2026");
        var held = completions.EnumerateArray().Where(c => c.GetProperty("subjectId").GetString() == CompletionRecord.BranchSubject && c.GetProperty("dutyKind").GetString() == "党员大会").ToArray();
        Assert.Equal("已完成", held.Last().GetProperty("state").GetString());
        Assert.All(held[..^1], c => Assert.Equal("未完成", c.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task PostRecord_Refused_400NamingEachProblemAndNothingSaved()
    {
        var people = await PostRecordAsync(new { kind = "党员大会", date = "2026-12-03", attendees = new[] { "王明", "赵六" }, absent = new[] { new { name = "钱七", reason = "出差" } } });
        var kind = await PostRecordAsync(new { kind = "茶话会", date = "2026-12-03" });
        var future = await PostRecordAsync(new { kind = "党课", date = "2026-12-05" });
        var before = await PostRecordAsync(new { kind = "党课", date = "2019-07-01" });
        var missing = await PostRecordAsync(new { topic = "x" });
        using var badJson = new StringContent("{\"kind\": \"党课\", ", Encoding.UTF8, "application/json");
        var malformed = await _admin.PostAsync(new Uri($"/api/admin/branches/{Branch}/records", UriKind.Relative), badJson);

        var errors = new List<string>();
        foreach (var response in new[] { people, kind, future, before, missing, malformed })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            errors.Add((await JsonAsync(response)).GetProperty("error").GetString()!);
        }

        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e)));
        Assert.Contains("赵六", errors[0], StringComparison.Ordinal);
        Assert.Contains("钱七", errors[0], StringComparison.Ordinal);
        Assert.Contains("茶话会", errors[1], StringComparison.Ordinal);
        Assert.Contains("支部委员会", errors[1], StringComparison.Ordinal);
        Assert.Contains("2026-12-05", errors[2], StringComparison.Ordinal);
        Assert.Empty((await _admin.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{Branch}/records?year=2026")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await PostRecordAsync(new { kind = "党课", date = "2026-12-01" }, "no-such-branch")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.GetAsync(new Uri($"/api/admin/branches/{Branch}/records?year=twenty", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Records_WithoutTheToken_401()
    {
        using var anonymous = _factory.CreateClient();

        var response = await anonymous.PostAsJsonAsync($"/api/admin/branches/{Branch}/records", new { kind = "党课", date = "2026-12-01" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PutAndDeleteRecord_AuditedInTheHistory()
    {
        var id = (await JsonAsync(await PostRecordAsync(new { kind = "党小组会", date = "2026-12-01", attendees = new[] { "张三" } }))).GetProperty("id").GetInt64();
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/branches/{Branch}/records/{id}")
        {
            Content = JsonContent.Create(new { kind = "党小组会", date = "2026-12-02", attendees = new[] { "张三", "李四" } }),
        };
        put.Headers.Add("X-Admin-User", "组织委员");

        Assert.Equal(HttpStatusCode.OK, (await _admin.SendAsync(put)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync(new Uri($"/api/admin/branches/{Branch}/records/{id}", UriKind.Relative))).StatusCode);

        var history = await _admin.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{Branch}/records/{id}/history");
        Assert.Equal(["created", "updated", "deleted"], history.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        var update = history[1];
        Assert.Equal("组织委员", update.GetProperty("actor").GetString());
        Assert.Contains(update.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "date"
            && c.GetProperty("before").GetString() == "2026-12-01" && c.GetProperty("after").GetString() == "2026-12-02");
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync(new Uri($"/api/admin/branches/{Branch}/records/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task PutDues_Employed8000_200With120At0Point015()
    {
        var response = await _admin.PutAsJsonAsync($"/api/admin/branches/{Branch}/members/{Ids["张三"]}/dues", new { category = "在职", monthlyIncome = 8000 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"monthlyAmount\":120.00", text, StringComparison.Ordinal);
        Assert.Contains("\"rate\":0.015", text, StringComparison.Ordinal);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(120.00m, body.GetProperty("monthlyAmount").GetDecimal());
        Assert.Equal("在职", body.GetProperty("category").GetString());
        Assert.Equal(8000m, body.GetProperty("monthlyIncome").GetDecimal());
    }

    [Fact]
    public async Task PutDues_Refused_400Or404()
    {
        var member = $"/api/admin/branches/{Branch}/members/{Ids["张三"]}/dues";

        var category = await _admin.PutAsJsonAsync(member, new { category = "个体户", monthlyIncome = 8000 });
        var negative = await _admin.PutAsJsonAsync(member, new { category = "在职", monthlyIncome = -5 });
        var text = await _admin.PutAsJsonAsync(member, new { category = "在职", monthlyIncome = "很多" });
        var nobody = await _admin.PutAsJsonAsync($"/api/admin/branches/{Branch}/members/nobody/dues", new { category = "在职", monthlyIncome = 8000 });
        var noBranch = await _admin.PutAsJsonAsync($"/api/admin/branches/no-such-branch/members/{Ids["张三"]}/dues", new { category = "在职", monthlyIncome = 8000 });

        Assert.Equal(HttpStatusCode.BadRequest, category.StatusCode);
        Assert.Contains("离退休", (await JsonAsync(category)).GetProperty("error").GetString()!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noBranch.StatusCode);
    }

    [Fact]
    public async Task LedgerXlsx_PaymentAndRecord_InTheWorkbook()
    {
        var zhang = Ids["张三"];
        await _admin.PutAsJsonAsync($"/api/admin/branches/{Branch}/members/{zhang}/dues", new { category = "在职", monthlyIncome = 8000 });
        var paid = await _admin.PostAsJsonAsync($"/api/admin/branches/{Branch}/members/{zhang}/dues/payments", new { months = new[] { "2026-11", "2026-12" }, paidOn = "2026-12-03" });
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        await PostRecordAsync(new { kind = "党课", date = "2026-11-20", topic = "学习党章", attendees = new[] { "张三" }, absent = new[] { new { name = "李四", reason = "病假" } }, hours = 2 });

        var response = await _admin.GetAsync(new Uri($"/api/admin/branches/{Branch}/ledger.xlsx?year=2026", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var workbook = WorkbookReader.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["三会一课", "党费", "学时", "完成情况", "通知"], workbook.Sheets.Select(s => s.Name));
        var dues = workbook["党费"];
        var row = dues.Row("张三");
        Assert.Equal(120m, decimal.Parse(row[dues.Column("11月金额")].Text, CultureInfo.InvariantCulture));
        Assert.Equal("2026-12-03", row[dues.Column("12月交纳日期")].Text);
        Assert.Equal("李四（病假）", workbook["三会一课"].Row("党课")["G"].Text);
        Assert.Equal("2", workbook["学时"].Row("张三")["C"].Text);
    }

    [Fact]
    public async Task LedgerXlsx_BadYearOrUnknownBranch_400Or404()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.GetAsync(new Uri($"/api/admin/branches/{Branch}/ledger.xlsx?year=abc", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.GetAsync(new Uri($"/api/admin/branches/{Branch}/ledger.xlsx?year=1800", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync(new Uri("/api/admin/branches/no-such-branch/ledger.xlsx?year=2026", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Study_EntryThroughTheApi_SummaryWithQuota()
    {
        var created = await _admin.PostAsJsonAsync($"/api/admin/branches/{Branch}/members/{Ids["张三"]}/study", new { hours = 2, topic = "党的二十大报告" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var summary = await _admin.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{Branch}/members/{Ids["张三"]}/study?year=2026");
        Assert.Equal(2, summary.GetProperty("hours").GetDecimal());
        Assert.Equal(32, summary.GetProperty("quota").GetDecimal());
    }
}

/// <summary>The endpoints with the ledger in SQLite under Storage:DataDir.</summary>
public sealed class LedgerApiOnSqliteTests(RedisServerFixture redis, SqliteStore store) : LedgerApiTests(redis), IClassFixture<RedisServerFixture>, IClassFixture<SqliteStore>
{
    protected override Task<IReadOnlyDictionary<string, string>> StoreSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["Storage:DataDir"] = Path.Combine(store.Folder, Guid.NewGuid().ToString("N")) });
}

/// <summary>The endpoints with the ledger in PostgreSQL (ConnectionStrings:Ledger).</summary>
public sealed class LedgerApiOnPostgresTests(RedisServerFixture redis, PostgresStore store) : LedgerApiTests(redis), IClassFixture<RedisServerFixture>, IClassFixture<PostgresStore>
{
    protected override async Task<IReadOnlyDictionary<string, string>> StoreSettingsAsync() =>
        new Dictionary<string, string> { ["ConnectionStrings:Ledger"] = store.Server.ConnectionString(await store.Server.CreateDatabaseAsync()) };
}
