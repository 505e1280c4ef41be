using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Bot.State;
using PartyAffairs.Bot.Tests.Operations;
using PartyAffairs.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PartyAffairs.Bot.Tests.Security;

/// <summary>
/// The held-out probe's checks on the whole host (issue 14): connector impersonation, guessing through the chat page,
/// byte order marks and invalid code points, admin-token guessing, settings lists, names that look like formulas. Each
/// test has its own redis-server, since the limits are shared through the store.
/// </summary>
public sealed class SecurityProbeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminToken = "security-probe-admin-token";
    private readonly RedisServerFixture _redis = new();
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "pa-security-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => _redis.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private OperationsHost Host(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = _redis.Configuration,
            ["Admin:Token"] = AdminToken,
            ["Reminders:Enabled"] = "false",
            ["Storage:DataDir"] = _dataDir,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new OperationsHost(settings);
    }

    private static HttpClient Admin(OperationsHost host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    private static async Task<IReadOnlyDictionary<string, string>> CreateBranchAsync(HttpClient admin, string branch, string csv)
    {
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name = "机关第一党支部" })).EnsureSuccessStatusCode();
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await admin.PostAsync(new Uri($"/api/admin/branches/{branch}/roster", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        var imported = await response.Content.ReadFromJsonAsync<JsonElement>();
        return imported.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("id").GetString()!);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.Unauthorized)]
    [InlineData(true, HttpStatusCode.Forbidden)]
    public async Task Connector_MembersIdPostedAsDirectLine_RefusedNothingStoredNothingSent(bool emulatorMode, HttpStatusCode expected)
    {
        await using var host = emulatorMode ? Host(("BotFramework:AllowUnauthenticated", "true")) : Host();
        using var admin = Admin(host);
        var members = await CreateBranchAsync(admin, "imp", "姓名,角色\n王书记,党支部书记\n");
        var roster = host.Services.GetRequiredService<RosterStore>();
        var addresses = host.Services.GetRequiredService<ChannelAddressStore>();
        var code = (await roster.ListInvitesAsync("imp", CancellationToken.None)).Single().Code;
        Assert.Equal(BindOutcome.Bound, (await roster.ClaimInviteAsync(code, "directline", "dl_secretary", CancellationToken.None)).Outcome);
        var calls = 0;
        await using var counting = await LoopbackServer.StartAsync(app => app.MapPost("/{**rest}", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.Ok();
        }));
        using var client = host.CreateClient();

        var activity = JsonSerializer.Serialize(new
        {
            type = "message",
            id = "x1",
            channelId = "directline",
            serviceUrl = counting.Address.ToString(),
            from = new { id = "dl_secretary", name = "王书记" },
            recipient = new { id = "bot" },
            conversation = new { id = "attacker-conversation" },
            text = "完成情况",
        });
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("error", out _));
        Assert.Empty(await addresses.GetAllAsync(members["王书记"], CancellationToken.None));
        await Task.Delay(300);
        Assert.Equal(0, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task ChatPage_NewUsersFromOneAddress_TokensThrottled()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 100; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/chat/token", new { });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal("TooManyRequests", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
            }
        }

        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(70, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task ChatPage_WrongCodesFromNewUsersOfOneAddress_ThrottledPerAddress()
    {
        await using var host = Host(("DirectLine:ChatTokensPerAddress", "1000"));
        using var client = host.CreateClient();
        var replies = new List<string>();

        for (var i = 0; i < 40; i++)
        {
            var (conversationId, token) = await StartConversationAsync(client);
            using var posted = await LogVolumeTests.PostAsync(client, conversationId, token, $"绑定 {InviteCodes.Alphabet[i % 31]}{InviteCodes.Alphabet[i / 31]}ZZZZ");
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            replies.Add(await LastBotReplyAsync(client, conversationId, token));
        }

        Assert.Equal(20, replies.Count(r => r == PartyAffairs.Bot.Conversation.Replies.BindInvalid));
        Assert.Equal(20, replies.Count(r => r == PartyAffairs.Bot.Conversation.Replies.BindTooManyAttempts));
    }

    [Fact]
    public async Task Bodies_WithUtf8ByteOrderMarkAndInvalidCodePoints_AnsweredWithout5xx()
    {
        await using var host = Host(("BotFramework:AllowUnauthenticated", "true"));
        using var client = host.CreateClient();
        var (conversationId, token) = await StartConversationAsync(client);
        var bom = Encoding.UTF8.GetPreamble();

        foreach (var text in new[] { "你好", "你好\uFFFE", "绑定 \uFFFE\uFFFE", "\uFFFF党费" })
        {
            var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type = "message", text, from = new { id = "ignored" } }));
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
            {
                Content = new ByteArrayContent([.. bom, .. json]),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(string.IsNullOrEmpty(await LastBotReplyAsync(client, conversationId, token)));
        }

        await using var channel = await LoopbackServer.StartAsync(app => app.MapPost("/{**rest}", () => Results.Ok(new { id = "1" })));
        var connectorActivity = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            type = "message",
            id = "e1",
            channelId = "emulator",
            serviceUrl = channel.Address.ToString(),
            from = new { id = "emulator-user" },
            recipient = new { id = "bot" },
            conversation = new { id = "emulator-conversation" },
            text = "你好\uFFFE",
        }));
        using var connector = new ByteArrayContent([.. bom, .. connectorActivity]);
        connector.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var answered = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), connector);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task AdminToken_TenWrongGuessesFromOneAddress_Then429EvenWithTheRightToken()
    {
        await using var host = Host();
        using var guesser = host.CreateClient();
        guesser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "guess");

        for (var i = 0; i < 10; i++)
        {
            using var wrong = await guesser.GetAsync(new Uri("/api/admin/branches", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var limited = await guesser.GetAsync(new Uri("/api/admin/branches", UriKind.Relative));
        using var admin = Admin(host);
        using var right = await admin.GetAsync(new Uri("/api/admin/branches", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.False(string.IsNullOrEmpty((await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Settings_TenThousandDuplicateDates_DeDuplicated_AndTooManyDistinctDates400()
    {
        await using var host = Host();
        using var admin = Admin(host);
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = "dates", name = "支部" })).EnsureSuccessStatusCode();
        var url = new Uri("/api/admin/branches/dates/settings", UriKind.Relative);
        var next = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        var duplicates = string.Join(',', Enumerable.Repeat($"\"{next:yyyy-MM-dd}\"", 10_000));

        using var saved = await admin.PutAsync(url, new StringContent($"{{\"themedDay\":{{\"kind\":\"Dates\",\"dates\":[{duplicates}]}}}}", Encoding.UTF8, "application/json"));
        var distinct = string.Join(',', Enumerable.Range(1, 400).Select(i => $"\"{next.AddDays(i):yyyy-MM-dd}\""));
        using var refused = await admin.PutAsync(url, new StringContent($"{{\"themedDay\":{{\"kind\":\"Dates\",\"dates\":[{distinct}]}}}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stored = await admin.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(1, stored.GetProperty("themedDay").GetProperty("dates").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(string.IsNullOrEmpty((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1")]
    [InlineData("-2")]
    [InlineData("@SUM(A1)")]
    public async Task Roster_NameStartingLikeAFormula_400AndNothingImported(string name)
    {
        await using var host = Host();
        using var admin = Admin(host);
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = "formula", name = "支部" })).EnsureSuccessStatusCode();

        using var content = new StringContent($"姓名,角色\n张三,党员\n\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\",党员\n", Encoding.UTF8, "text/csv");
        using var response = await admin.PostAsync(new Uri("/api/admin/branches/formula/roster", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/branches/formula/members") ?? []);
    }

    [Theory]
    [InlineData("支部\n名称")]
    [InlineData("支部\u0007")]
    [InlineData("支\u2028部")]
    public async Task Branch_NameWithControlCharacters_400(string name)
    {
        await using var host = Host();
        using var admin = Admin(host);

        using var response = await admin.PostAsJsonAsync("/api/admin/branches", new { id = "ctl", name });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/api/admin/branches/ctl/members", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Roster_TwentyThousandRows_ImportedWhileHealthAndChatKeepAnswering()
    {
        await using var host = Host(("DirectLine:ChatTokensPerAddress", "1000"));
        using var admin = Admin(host);
        admin.Timeout = TimeSpan.FromMinutes(5);
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = "big", name = "大支部" })).EnsureSuccessStatusCode();
        var csv = new StringBuilder("姓名,角色,手机号\n");
        for (var i = 0; i < 20_000; i++)
        {
            csv.Append("成员").Append(i).Append(",党员,139").Append(i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        using var client = host.CreateClient();
        var (conversationId, token) = await StartConversationAsync(client);
        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        Assert.True(Encoding.UTF8.GetByteCount(csv.ToString()) < 1024 * 1024);

        // The first health check runs the ledger's start-up migration: wait for it, so the probes below measure the import.
        for (var i = 0; i < 50 && (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode != HttpStatusCode.OK; i++)
        {
            await Task.Delay(200);
        }

        var import = admin.PostAsync(new Uri("/api/admin/branches/big/roster", UriKind.Relative), content);
        var slowest = TimeSpan.Zero;
        var probes = 0;
        while (!import.IsCompleted)
        {
            var watch = Stopwatch.StartNew();
            using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            using var turn = await LogVolumeTests.PostAsync(client, conversationId, token, "帮助");
            watch.Stop();
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.OK, turn.StatusCode);
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            probes++;
            await Task.Delay(probes % 5 == 0 ? 2000 : 50); // the chat limit is 10 messages per 10 s
        }

        using var imported = await import;
        output.WriteLine($"{probes} health+chat probes during the import; slowest {slowest.TotalMilliseconds:0} ms");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(20_000, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
        Assert.Equal(20_000, (await host.Services.GetRequiredService<RosterStore>().ListMembersAsync("big", CancellationToken.None)).Count);
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"a health check and a chat turn took {slowest.TotalMilliseconds:0} ms during the import");
    }

    private static async Task<(string ConversationId, string Token)> StartConversationAsync(HttpClient client)
    {
        using var tokenResponse = await client.PostAsJsonAsync("/api/chat/token", new { });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await client.SendAsync(start);
        var json = await started.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("conversationId").GetString()!, json.GetProperty("token").GetString()!);
    }

    private static async Task<string> LastBotReplyAsync(HttpClient client, string conversationId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var set = await response.Content.ReadFromJsonAsync<JsonElement>();
        return set.GetProperty("activities").EnumerateArray()
            .Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot" && a.GetProperty("type").GetString() == "message")
            .Select(a => a.GetProperty("text").GetString() ?? string.Empty)
            .LastOrDefault() ?? string.Empty;
    }
}
