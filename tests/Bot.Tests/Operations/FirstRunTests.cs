using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Operations;

/// <summary>
/// A start without configuration: the admin token generated on first run (owner-only file under the data folder, used
/// by the admin API, reused later, configuration wins) and the start-up banner.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FirstRunTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "pa-firstrun-" + Guid.NewGuid().ToString("N"));

    private string TokenFile => Path.Combine(_dataDir, "admin-token");

    [Fact]
    public async Task FirstStart_NoAdminToken_CreatesOwnerOnlyTokenFileTheAdminApiAccepts()
    {
        await using var host = new OperationsHost(Settings());
        using var client = host.CreateClient();

        var anonymous = await client.GetAsync(new Uri("/api/admin/branches", UriKind.Relative));
        var token = (await File.ReadAllTextAsync(TokenFile)).Trim();
        var created = await AdminClient(host, token).PostAsJsonAsync("/api/admin/branches", new { name = "第一支部" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TokenFile));
        Assert.True(token.Length >= 40, "a strong token: 32 random bytes");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task SecondStart_TokenFileExists_ReusesIt()
    {
        string first;
        await using (var host = new OperationsHost(Settings()))
        {
            using var client = host.CreateClient();
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/admin/branches", UriKind.Relative))).StatusCode);
            first = await File.ReadAllTextAsync(TokenFile);
        }

        await using var again = new OperationsHost(Settings());
        var response = await AdminClient(again, first.Trim()).GetAsync(new Uri("/api/admin/branches", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(first, await File.ReadAllTextAsync(TokenFile));
    }

    [Fact]
    public async Task ConfiguredToken_TokenFileExists_ConfiguredTokenWins()
    {
        Directory.CreateDirectory(_dataDir);
        await File.WriteAllTextAsync(TokenFile, "generated-earlier-token-0123456789abcdef0123\n");
        File.SetUnixFileMode(TokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var settings = Settings();
        settings["Admin:Token"] = "configured-token-0123456789";
        await using var host = new OperationsHost(settings);

        var configured = await AdminClient(host, "configured-token-0123456789").GetAsync(new Uri("/api/admin/branches", UriKind.Relative));
        var generated = await AdminClient(host, "generated-earlier-token-0123456789abcdef0123").GetAsync(new Uri("/api/admin/branches", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, generated.StatusCode);
    }

    [Fact]
    public async Task ConfiguredToken_NoTokenFile_CreatesNone()
    {
        var settings = Settings();
        settings["Admin:Token"] = "configured-token-0123456789";
        await using var host = new OperationsHost(settings);

        var response = await AdminClient(host, "configured-token-0123456789").GetAsync(new Uri("/api/admin/branches", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(File.Exists(TokenFile));
    }

    [Fact]
    public async Task TokenFileReadableByOthers_Start_TightensItToOwnerOnly()
    {
        Directory.CreateDirectory(_dataDir);
        await File.WriteAllTextAsync(TokenFile, "generated-earlier-token-0123456789abcdef0123\n");
        File.SetUnixFileMode(TokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using var host = new OperationsHost(Settings());

        var response = await AdminClient(host, "generated-earlier-token-0123456789abcdef0123").GetAsync(new Uri("/api/admin/branches", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TokenFile));
    }

    [Fact]
    public async Task Start_NoConfiguration_BannerOnceWithUrlsAndTokenFileButNeverTheToken()
    {
        var logs = new CountingLoggerProvider();
        await using var host = new OperationsHost(Settings(), logs, environment: "Production");
        var address = host.StartKestrel();
        var baseUrl = address.ToString().TrimEnd('/');
        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        await Task.Delay(500);

        var token = (await File.ReadAllTextAsync(TokenFile)).Trim();
        var banners = logs.Entries.Where(e => e.EventId.Id == 1500 && e.Category.EndsWith("StartupBanner", StringComparison.Ordinal)).ToList();
        var banner = Assert.Single(banners).Message;
        Assert.Contains($"{baseUrl}/ ", banner.Replace("\n", " \n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"{baseUrl}/console", banner, StringComparison.Ordinal);
        Assert.Contains(TokenFile, banner, StringComparison.Ordinal);
        Assert.Contains("cat ", banner, StringComparison.Ordinal);
        Assert.Contains("管理员令牌", banner, StringComparison.Ordinal);
        Assert.Contains("Admin token", banner, StringComparison.Ordinal);
        Assert.All(logs.Entries, e => Assert.DoesNotContain(token, e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "http://[::]:8080" }, "http://localhost:8080")]
    [InlineData(new[] { "http://0.0.0.0:5080" }, "http://localhost:5080")]
    [InlineData(new[] { "http://+:80" }, "http://localhost:80")]
    [InlineData(new[] { "https://127.0.0.1:5443", "http://127.0.0.1:5080" }, "http://127.0.0.1:5080")]
    [InlineData(new string[0], "")]
    public void BaseUrl_ServerAddresses_ShowsAnAddressABrowserCanOpen(string[] addresses, string expected)
    {
        Assert.Equal(expected, PartyAffairs.Bot.Operations.StartupBanner.BaseUrl(addresses));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Redis:Configuration"] = redis.Configuration,
        ["Storage:DataDir"] = _dataDir,
        ["Reminders:Enabled"] = "false",
    };

    private static HttpClient AdminClient(OperationsHost host, string token)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
