using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartyAffairs.Bot.State;
using PartyAffairs.Tests.Channels;
using PartyAffairs.Tests.DingTalk;
using PartyAffairs.Tests.Infrastructure;
using PartyAffairs.Tests.WeCom;

namespace PartyAffairs.Bot.Tests.Channels;

/// <summary>
/// The whole host with the real bot and one platform (DingTalk or WeCom) on a loopback fake: members write through the
/// platform's signed/encrypted callback and read the replies the fake received.
/// </summary>
internal sealed class PlatformChat : IAsyncDisposable
{
    public const string AdminToken = "platform-chat-admin-token";

    private readonly FakeDingTalkServer? _dingTalk;
    private readonly FakeWeComServer? _weCom;
    private readonly WebApplicationFactory<Program> _host;
    private readonly HttpClient _client;
    private readonly ConcurrentBag<(string User, string Session)> _sessions = [];
    private int _turn;

    private PlatformChat(string platform, FakeDingTalkServer? dingTalk, FakeWeComServer? weCom, WebApplicationFactory<Program> host)
    {
        Platform = platform;
        _dingTalk = dingTalk;
        _weCom = weCom;
        _host = host;
        _client = host.CreateClient();
    }

    /// <summary>The channel id: <c>dingtalk</c> or <c>wecom</c>.</summary>
    public string Platform { get; }

    /// <summary>The fake platform's contacts.</summary>
    public FakeContacts Contacts => _dingTalk?.Contacts ?? _weCom!.Contacts;

    /// <summary>Every protocol rule the bot broke towards the fake.</summary>
    public IReadOnlyList<string> Violations => _dingTalk?.Violations ?? _weCom!.Violations;

    /// <summary>Access tokens the fake issued so far.</summary>
    public int TokensIssued => _dingTalk?.TokensIssued ?? _weCom!.TokensIssued;

    /// <summary>Makes the fake forget every token it issued (expired early, secret rotated).</summary>
    public void RevokeTokens()
    {
        _dingTalk?.RevokeTokens();
        _weCom?.RevokeTokens();
    }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Starts the fake and the host; <paramref name="settings"/> are extra configuration keys, <paramref name="services"/> test services.</summary>
    public static async Task<PlatformChat> StartAsync(
        RedisServerFixture redis, string platform, IReadOnlyDictionary<string, string>? settings = null, ILoggerProvider? logs = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Admin:Token"] = AdminToken };
        if (platform == "dingtalk")
        {
            var fake = new FakeDingTalkServer(TimeProvider.System);
            await fake.StartAsync();
            return new PlatformChat(platform, fake, null, With(ChannelTestHost.Create(redis, fake, weCom: null, settings: all), logs, services));
        }

        var weCom = new FakeWeComServer(TimeProvider.System);
        await weCom.StartAsync();
        return new PlatformChat(platform, null, weCom, With(ChannelTestHost.Create(redis, dingTalk: null, weCom, settings: all), logs, services));
    }

    /// <summary>Creates a branch and imports <paramref name="csv"/> (姓名,角色,手机号); returns name → (member id, invite code).</summary>
    public async Task<Dictionary<string, (string Id, string Code)>> ImportRosterAsync(string csv)
    {
        using var admin = _host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        var branch = "m" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name = "机关第一党支部" })).EnsureSuccessStatusCode();
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await admin.PostAsync(new Uri($"/api/admin/branches/{branch}/roster", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        var imported = await response.Content.ReadFromJsonAsync<JsonElement>();
        return imported.GetProperty("members").EnumerateArray().ToDictionary(
            m => m.GetProperty("name").GetString()!,
            m => (m.GetProperty("id").GetString()!, m.GetProperty("inviteCode").GetString()!));
    }

    /// <summary>The member a platform user is bound to, or null.</summary>
    public Task<string?> BoundMemberAsync(string userId) =>
        Services.GetRequiredService<RosterStore>().GetBoundMemberIdAsync(Platform, userId, CancellationToken.None);

    /// <summary>Sends <paramref name="text"/> as <paramref name="userId"/> and returns the first <paramref name="replies"/> replies the member received.</summary>
    public async Task<IReadOnlyList<string>> SayAsync(string userId, string text, int replies = 1, bool group = false)
    {
        var turn = Interlocked.Increment(ref _turn);
        if (_dingTalk is { } dingTalk)
        {
            var webhook = dingTalk.NewSessionWebhook();
            var session = webhook[(webhook.IndexOf("session=", StringComparison.Ordinal) + 8)..];
            _sessions.Add((userId, session));
            var message = DingTalkCallbacks.Message($"mb-{turn}-{Guid.NewGuid():N}", text, webhook, conversationType: group ? "2" : "1", staffId: userId);
            Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(DingTalkCallbacks.Callback(message))).StatusCode);
            var calls = await dingTalk.WaitForAsync(c => c.Count(x => x.Kind == "session" && x.To.StartsWith(session, StringComparison.Ordinal)) >= replies);
            return calls.Where(x => x.Kind == "session" && x.To.StartsWith(session, StringComparison.Ordinal)).Select(Readable).ToArray();
        }

        var weCom = _weCom!;
        var before = weCom.Calls.Count(c => c.To == userId);
        var xml = WeComCallbacks.TextXml(userId, text, $"8{turn:D5}{Random.Shared.Next(100_000, 999_999)}");
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(WeComCallbacks.Default.Post(xml, DateTimeOffset.UtcNow))).StatusCode);
        var received = await weCom.WaitForAsync(c => c.Count(x => x.To == userId) >= before + replies);
        return received.Where(x => x.To == userId).Skip(before).Select(x => x.Text).ToArray();
    }

    /// <summary>Everything <paramref name="userId"/> received so far, in order: replies in one-to-one turns and proactive messages.</summary>
    public IReadOnlyList<string> ReceivedBy(string userId)
    {
        if (_dingTalk is { } dingTalk)
        {
            var sessions = _sessions.Where(s => s.User == userId).Select(s => s.Session).ToArray();
            return dingTalk.Calls
                .Where(c => (c.Kind == "session" && sessions.Any(s => c.To.StartsWith(s, StringComparison.Ordinal))) || (c.Kind == "oto" && c.To == userId))
                .OrderBy(c => c.Sequence).Select(Readable).ToArray();
        }

        return _weCom!.Calls.Where(c => c.To == userId).OrderBy(c => c.Sequence).Select(c => c.Text).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        if (_dingTalk is not null)
        {
            await _dingTalk.DisposeAsync();
        }

        if (_weCom is not null)
        {
            await _weCom.DisposeAsync();
        }
    }

    private static WebApplicationFactory<Program> With(WebApplicationFactory<Program> host, ILoggerProvider? logs, Action<IServiceCollection>? services) =>
        logs is null && services is null ? host : host.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            if (logs is not null)
            {
                s.AddSingleton(logs);
            }

            services?.Invoke(s);
        }));

    // A DingTalk markdown reply as the member reads it: without the title, with plain line breaks.
    private static string Readable(PlatformCall call) => call.Type == "markdown"
        ? call.Text[(call.Text.IndexOf('|', StringComparison.Ordinal) + 1)..].Replace("  \n", "\n", StringComparison.Ordinal)
        : call.Text;
}
