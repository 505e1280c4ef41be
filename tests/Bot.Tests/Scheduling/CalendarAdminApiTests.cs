using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Scheduling;

/// <summary>GET/PUT /api/admin/calendar/{year}: a year's State Council notice loaded without a redeploy, on every instance.</summary>
public sealed class CalendarAdminApiTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Token = "t0ken-for-calendar-tests";

    private (WebApplicationFactory<Program> Factory, HttpClient Admin, FakeTimeProvider Time) Start(string redisConfiguration)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T12:00:00+08:00", CultureInfo.InvariantCulture));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Redis:Configuration", redisConfiguration)
            .UseSetting("Admin:Token", Token)
            .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time)));
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return (factory, admin, time);
    }

    /// <summary>A made-up but well-formed 2027 notice (the real one is not published yet).</summary>
    private static JsonObject Notice() => new()
    {
        ["source"] = "国务院办公厅关于2027年部分节假日安排的通知（测试数据）",
        ["holidays"] = new JsonArray(
            Block("元旦", "2027-01-01", "2027-01-02", "2027-01-03"),
            Block("春节", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"),
            Block("清明节", "2027-04-03", "2027-04-04", "2027-04-05"),
            Block("劳动节", "2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04", "2027-05-05"),
            Block("端午节", "2027-06-09"),
            Block("国庆节、中秋节", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05", "2027-10-06", "2027-10-07")),
        ["workdays"] = new JsonArray(
            new JsonObject { ["name"] = "春节", ["date"] = "2027-02-20" },
            new JsonObject { ["name"] = "国庆节", ["date"] = "2027-10-09" }),
    };

    private static JsonObject Block(string name, params string[] dates) =>
        new() { ["name"] = name, ["dates"] = new JsonArray([.. dates.Select(d => JsonValue.Create(d))]) };

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static Uri Url(string year) => new($"/api/admin/calendar/{year}", UriKind.Relative);

    [Fact]
    public async Task Put_GoodNotice_StoredInForceAndShownByGet()
    {
        await redis.FlushAsync();
        var (factory, admin, _) = Start(redis.Configuration);
        await using var _f = factory;
        using var _a = admin;

        var before = await admin.GetFromJsonAsync<JsonElement>(Url("2027"));
        var put = await admin.PutAsync(Url("2027"), Json(Notice().ToJsonString()));
        var answer = await put.Content.ReadFromJsonAsync<JsonElement>();
        var after = await admin.GetFromJsonAsync<JsonElement>(Url("2027"));

        Assert.True(before.GetProperty("provisional").GetBoolean());
        Assert.Equal("computed", before.GetProperty("origin").GetString());
        Assert.Equal(7, before.GetProperty("holidays").GetArrayLength());
        Assert.Equal(0, before.GetProperty("workdays").GetArrayLength());
        Assert.Contains("国务院办公厅通知为准", before.GetProperty("note").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        foreach (var view in new[] { answer, after })
        {
            Assert.False(view.GetProperty("provisional").GetBoolean());
            Assert.Equal("loaded", view.GetProperty("origin").GetString());
            Assert.Equal(2027, view.GetProperty("year").GetInt32());
            Assert.Equal("国务院办公厅关于2027年部分节假日安排的通知（测试数据）", view.GetProperty("source").GetString());
            Assert.Equal(["2027-02-20", "2027-10-09"], view.GetProperty("workdays").EnumerateArray().Select(w => w.GetProperty("date").GetString()));
            Assert.False(view.TryGetProperty("note", out _));
        }

        var calendar = factory.Services.GetRequiredService<WorkingCalendar>();
        Assert.False(calendar.IsProvisional(2027));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 20)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 10, 4)));
        Assert.True(await redis.Connection.GetDatabase().HashExistsAsync(RedisHolidayNoticeStore.Key, "2027"));
    }

    [Fact]
    public async Task Get_ShippedYear_NotProvisionalWithItsSource()
    {
        var (factory, admin, _) = Start(redis.Configuration);
        await using var _f = factory;
        using var _a = admin;

        var view = await admin.GetFromJsonAsync<JsonElement>(Url("2026"));

        Assert.False(view.GetProperty("provisional").GetBoolean());
        Assert.Equal("shipped", view.GetProperty("origin").GetString());
        Assert.Contains("2026年部分节假日安排", view.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(6, view.GetProperty("workdays").GetArrayLength());
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { "{not json", "不是有效的放假安排 JSON" },
        { "[]", "不是有效的放假安排 JSON" },
        { Spoil(n => n.Remove("source")), "缺少通知名称 source" },
        { Spoil(n => n["holidays"]![0]!.AsObject().Remove("name")), "holidays 第1项缺少名称 name" },
        { Spoil(n => n["holidays"]![0]!["dates"] = new JsonArray("2027/01/01")), "不是 yyyy-MM-dd 格式的日期" },
        { Spoil(n => n["holidays"]![0]!["dates"]!.AsArray().Add("2028-01-01")), "“元旦”的日期 2028-01-01 不在2027年内" },
        { Spoil(n => n["workdays"]![0]!["date"] = "2027-02-18"), "调休上班日只能是星期六或星期日" },
        { Spoil(n => n["workdays"]![0]!["date"] = "2027-02-06"), "既列为放假日又列为调休上班日" },
        { Spoil(n => n["workdays"]![0]!.AsObject().Remove("name")), "workdays 第1项缺少名称 name" },
        { Spoil(n => n["holidays"]!.AsArray().RemoveAt(4)), "缺少法定节日“端午节”" },
        { Spoil(n => n["holidays"]![2]!["dates"] = new JsonArray("2027-04-03", "2027-04-04")), "未包含法定假日 2027-04-05（清明节气当日）" },
    };

    private static string Spoil(Action<JsonObject> spoil)
    {
        var notice = Notice();
        spoil(notice);
        return notice.ToJsonString();
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Put_BadNotice_400NamingTheProblemAndNothingChanged(string body, string expected)
    {
        await redis.FlushAsync();
        var (factory, admin, _) = Start(redis.Configuration);
        await using var _f = factory;
        using var _a = admin;

        var put = await admin.PutAsync(Url("2027"), Json(body));
        var error = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        var view = await admin.GetFromJsonAsync<JsonElement>(Url("2027"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.True(view.GetProperty("provisional").GetBoolean());
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(RedisHolidayNoticeStore.Key));
    }

    [Fact]
    public async Task Put_BadNoticeOverALoadedOne_LoadedOneKept()
    {
        await redis.FlushAsync();
        var (factory, admin, _) = Start(redis.Configuration);
        await using var _f = factory;
        using var _a = admin;
        (await admin.PutAsync(Url("2027"), Json(Notice().ToJsonString()))).EnsureSuccessStatusCode();

        var bad = await admin.PutAsync(Url("2027"), Json(Spoil(n => n["holidays"]!.AsArray().RemoveAt(0))));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var view = await admin.GetFromJsonAsync<JsonElement>(Url("2027"));
        Assert.Equal(2, view.GetProperty("workdays").GetArrayLength());
        Assert.Equal("loaded", view.GetProperty("origin").GetString());
    }

    [Theory]
    [InlineData("27")]
    [InlineData("abcd")]
    [InlineData("2024")]
    [InlineData("2101")]
    [InlineData("+2027")]
    [InlineData("20271")]
    public async Task AnyMethod_YearNotServed_400NamingTheYear(string year)
    {
        var (factory, admin, _) = Start(redis.Configuration);
        await using var _f = factory;
        using var _a = admin;

        var get = await admin.GetAsync(Url(Uri.EscapeDataString(year)));
        var put = await admin.PutAsync(Url(Uri.EscapeDataString(year)), Json(Notice().ToJsonString()));

        foreach (var response in new[] { get, put })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
            Assert.Contains($"年份“{year}”无效", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    public async Task AnyMethod_MissingOrWrongToken_401AndNothingStored(string? authorization)
    {
        await redis.FlushAsync();
        var (factory, admin, _) = Start(redis.Configuration);
        await using var _f = factory;
        using var _a = admin;
        using var client = factory.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var get = await client.GetAsync(Url("2027"));
        var put = await client.PutAsync(Url("2027"), Json(Notice().ToJsonString()));

        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(RedisHolidayNoticeStore.Key));
        Assert.True(factory.Services.GetRequiredService<WorkingCalendar>().IsProvisional(2027));
    }

    [Fact]
    public async Task Put_BodyTooLarge_413()
    {
        var (factory, admin, _) = Start(redis.Configuration);
        await using var _f = factory;
        using var _a = admin;

        var put = await admin.PutAsync(Url("2027"), Json("{\"source\":\"" + new string('x', 70_000) + "\"}"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, put.StatusCode);
    }

    [Fact]
    public async Task AnyMethod_StoreDown_503Json()
    {
        var (factory, admin, _) = Start("127.0.0.1:1,abortConnect=false,connectTimeout=300,syncTimeout=300,asyncTimeout=300");
        await using var _f = factory;
        using var _a = admin;

        var get = await admin.GetAsync(Url("2027"));
        var put = await admin.PutAsync(Url("2027"), Json(Notice().ToJsonString()));

        foreach (var response in new[] { get, put })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("存储暂时不可用", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        Assert.True(factory.Services.GetRequiredService<WorkingCalendar>().IsProvisional(2027));
    }

    [Fact]
    public async Task Put_OnOneInstance_TheOtherTakesItUpWithinARefreshInterval()
    {
        await redis.FlushAsync();
        var (factoryA, adminA, _) = Start(redis.Configuration);
        var (factoryB, adminB, timeB) = Start(redis.Configuration);
        await using var _fa = factoryA;
        await using var _fb = factoryB;
        using var _aa = adminA;
        using var _ab = adminB;
        var calendarB = factoryB.Services.GetRequiredService<WorkingCalendar>();
        Assert.True(calendarB.IsProvisional(2027));

        (await adminA.PutAsync(Url("2027"), Json(Notice().ToJsonString()))).EnsureSuccessStatusCode();

        // Instance B reads the store every minute (its clock is fake: moved on until it has).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (calendarB.IsProvisional(2027))
        {
            Assert.True(DateTime.UtcNow < deadline, "instance B never took up the notice");
            timeB.Advance(HolidayCalendarRefresher.Interval);
            await Task.Delay(50);
        }

        Assert.Equal(HolidayDataOrigin.Loaded, calendarB.Year(2027).Origin);
        Assert.True(calendarB.IsWorkingDay(new DateOnly(2027, 10, 9)));
    }
}
