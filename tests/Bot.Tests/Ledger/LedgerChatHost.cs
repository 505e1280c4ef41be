using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Bot.State;
using PartyAffairs.Bot.Tests.Conversation;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;

namespace PartyAffairs.Bot.Tests.Ledger;

/// <summary>
/// The host as deployed (real knowledge base, real Redis, the SQLite ledger in a temporary data folder), a branch set
/// up through the admin API with everyone bound, and turns through the host's pipeline, one-to-one or in a group.
/// </summary>
internal sealed class LedgerChatHost : IAsyncDisposable
{
    public const string AdminToken = "t0ken-for-ledger-chat-tests";
    public const string PublicBase = "https://dangwu.example.org";

    private readonly TestAdapter _adapter;
    private readonly IBot _bot;
    private readonly string _dataDir;
    private int _turn;

    private LedgerChatHost(WebApplicationFactory<Program> factory, HttpClient admin, string branch, FakeTimeProvider time, string dataDir, RecordingMessenger messenger)
    {
        Messenger = messenger;
        Factory = factory;
        Admin = admin;
        Branch = branch;
        Time = time;
        _dataDir = dataDir;
        _adapter = new TestAdapter(factory.Services);
        _bot = factory.Services.GetRequiredService<IBot>();
    }

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Admin { get; }

    public string Branch { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Proactive messages (reminders) the host sent.</summary>
    public RecordingMessenger Messenger { get; }

    /// <summary>Starts the host at 2026-12-04 10:00 in Shanghai with <paramref name="csv"/> as the branch's roster; everyone binds but <paramref name="unbound"/>.</summary>
    public static async Task<LedgerChatHost> StartAsync(string redisConfiguration, string csv = "姓名,角色\n王书记,党支部书记\n赵组织,组织委员\n张三,党员\n李四,党员\n王五,党员\n", params string[] unbound)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T10:00:00+08:00", CultureInfo.InvariantCulture));
        var messenger = new RecordingMessenger();
        var dataDir = Path.Combine(Path.GetTempPath(), "pa-ledgerchat-" + Guid.NewGuid().ToString("N"));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Redis:Configuration", redisConfiguration)
            .UseSetting("Admin:Token", AdminToken)
            .UseSetting("Reminders:Enabled", "false")
            .UseSetting("Storage:DataDir", dataDir)
            .UseSetting("Links:PublicBaseUrl", PublicBase)
            .ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.AddSingleton<IProactiveMessenger>(messenger);
            }));
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        var branch = "l" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name = "机关第五党支部" })).EnsureSuccessStatusCode();
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await admin.PostAsync(new Uri($"/api/admin/branches/{branch}/roster", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        var imported = await response.Content.ReadFromJsonAsync<JsonElement>();
        var host = new LedgerChatHost(factory, admin, branch, time, dataDir, messenger);
        foreach (var member in imported.GetProperty("members").EnumerateArray())
        {
            var name = member.GetProperty("name").GetString()!;
            if (unbound.Contains(name))
            {
                continue;
            }

            Assert.StartsWith("绑定成功", await host.SayAsync(name, "绑定 " + member.GetProperty("inviteCode").GetString()), StringComparison.Ordinal);
        }

        return host;
    }

    /// <summary>Sends a one-to-one message and returns the one reply's text.</summary>
    public async Task<string> SayAsync(string user, string text) => Assert.Single(await TurnAsync(user, text, group: false)).Text!;

    /// <summary>Sends a message in the branch's group conversation and returns the one reply's text.</summary>
    public async Task<string> SayInGroupAsync(string user, string text) => Assert.Single(await TurnAsync(user, text, group: true)).Text!;

    public Task<IReadOnlyList<Activity>> TurnAsync(string user, string text, bool group) => _adapter.ProcessAsync(_bot, new Activity
    {
        Type = ActivityTypes.Message,
        Id = $"{Branch}-{Interlocked.Increment(ref _turn)}",
        ChannelId = "emulator",
        ServiceUrl = "http://127.0.0.1:9/",
        From = new ChannelAccount { Id = $"{Branch}-{user}", Name = user },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = group
            ? new ConversationAccount { Id = $"{Branch}-group", IsGroup = true }
            : new ConversationAccount { Id = $"{Branch}-{user}" },
        Text = text,
    });

    public async Task<string> MemberIdAsync(string user) =>
        (await Factory.Services.GetRequiredService<RosterStore>().GetBoundMemberIdAsync("emulator", $"{Branch}-{user}", CancellationToken.None))!;

    public async Task<JsonElement> GetJsonAsync(string path) =>
        await Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/admin/branches/{Branch}{path}", UriKind.Relative));

    public async Task<byte[]> WorkbookAsync(int year) =>
        await Admin.GetByteArrayAsync(new Uri($"/api/admin/branches/{Branch}/ledger.xlsx?year={year}", UriKind.Relative));

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
