using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Bot.State;
using PartyAffairs.Bot.WebConsole;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Console;

/// <summary>
/// The whole host (real redis-server, the SQLite ledger in a temporary data folder, a fake clock) with two branches:
/// A (a secretary, a 组织委员, a member) and B (a secretary, a member); browsers are cookie-keeping clients that do not
/// follow redirects.
/// </summary>
internal sealed partial class ConsoleHost : IAsyncDisposable
{
    public const string AdminToken = "console-test-admin-token";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly IPAddress _client = new(Guid.NewGuid().ToByteArray());
    private readonly string _dataDir = Directory.CreateTempSubdirectory("pa-console-").FullName;

    public ConsoleHost(RedisServerFixture redis)
    {
        Time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-20T10:00:00+08:00", CultureInfo.InvariantCulture));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Redis:Configuration", redis.Configuration)
            .UseSetting("Admin:Token", AdminToken)
            .UseSetting("Storage:DataDir", _dataDir)
            .ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(Time);
                // The test server has no client address; each host gets its own, so login throttling is per test.
                s.AddSingleton<IStartupFilter>(new ClientAddress(_client));
            }));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        BranchA = "a" + suffix;
        BranchB = "b" + suffix;
    }

    public FakeTimeProvider Time { get; }

    public string BranchA { get; }

    public string BranchB { get; }

    public IServiceProvider Services => _factory.Services;

    public RosterStore Roster => Services.GetRequiredService<RosterStore>();

    public Dictionary<string, Member> People { get; } = [];

    /// <summary>Creates both branches and their rosters.</summary>
    public async Task<ConsoleHost> SeedAsync()
    {
        await Roster.CreateBranchAsync(BranchA, "机关第一党支部", CancellationToken.None);
        await Roster.CreateBranchAsync(BranchB, "机关第二党支部", CancellationToken.None);
        foreach (var m in await Roster.ImportAsync(BranchA, [new("王书记", "党支部书记", "13800000001"), new("李委员", "组织委员", "13800000002"), new("张三", "党员", "13800000003")], CancellationToken.None))
        {
            People[m.Member.Name] = m.Member;
        }

        foreach (var m in await Roster.ImportAsync(BranchB, [new("赵书记", "党支部书记", "13900000001"), new("钱四", "党员", "13900000002")], CancellationToken.None))
        {
            People[m.Member.Name] = m.Member;
        }

        return this;
    }

    /// <summary>A new browser (its own cookies).</summary>
    public HttpClient Browser() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A sign-in link for <paramref name="name"/>, as the chat command sends it (path and query).</summary>
    public string LinkFor(string name) => Services.GetRequiredService<ConsoleSignInLinks>().For(People[name]).PathAndQuery;

    /// <summary>A browser signed in as <paramref name="name"/> through a link.</summary>
    public async Task<HttpClient> SignedInAsync(string name)
    {
        var browser = Browser();
        var response = await browser.GetAsync(new Uri(LinkFor(name), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>A browser signed in as the organization office.</summary>
    public async Task<HttpClient> OfficeAsync()
    {
        var browser = Browser();
        var response = await PostFormAsync(browser, "/console/login", new() { ["token"] = AdminToken });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>The antiforgery token of the form on <paramref name="page"/> (read as the browser would).</summary>
    public static async Task<string> TokenAsync(HttpClient browser, string page)
    {
        var html = await browser.GetStringAsync(new Uri(page, UriKind.Relative));
        return AntiforgeryField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery field on " + page);
    }

    /// <summary>Posts a form with the antiforgery token of <paramref name="tokenPage"/> (default: the same address).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string action, Dictionary<string, string> fields, string? tokenPage = null)
    {
        fields["__af"] = await TokenAsync(browser, tokenPage ?? action.Split('?')[0]);
        using var content = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>Posts a file the way the members page's import form does.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string branchId, byte[] file, string fileName, string? tokenPage = null)
    {
        var page = $"/console/branches/{branchId}/members";
        using var content = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(browser, tokenPage ?? page)), "__af" },
            { new ByteArrayContent(file), "file", fileName },
        };
        return await browser.PostAsync(new Uri(page + "?handler=Import", UriKind.Relative), content);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // The ledger file may still be closing; the temporary folder is harmless.
        }
    }

    private sealed class ClientAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
