using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PartyAffairs.Tests.Channels;

namespace PartyAffairs.Tests.WeCom;

/// <summary>
/// Fake WeCom: gettoken, message/send (app messages), webhook/send (group robot) and user/get (contacts). Checks corp id and secret, tokens,
/// agent id, recipient count (≤ 1000), text sizes (2048 / 4096 bytes), the app limit, each member's 30-a-minute limit
/// and the robot's 20 a minute, answering as WeCom does when they are broken.
/// </summary>
public sealed class FakeWeComServer(TimeProvider clock, int appLimit = 20, TimeSpan? appWindow = null) : FakePlatformServer(clock)
{
    public const string CorpId = "wwfakecorp0001";
    public const string Secret = "fake-wecom-secret";
    public const int AgentId = 1000002;
    public const string RobotKey = "fake-robot-key";

    private readonly WindowCounter _app = new(appLimit, appWindow ?? TimeSpan.FromSeconds(1));
    private readonly WindowCounter _robot = new(20, TimeSpan.FromMinutes(1));
    private readonly ConcurrentDictionary<string, WindowCounter> _members = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new();
    private int _tokenCount;

    /// <summary>Access tokens issued so far.</summary>
    public int TokensIssued => _tokenCount;

    /// <summary>Userids WeCom reports as invalid.</summary>
    public ConcurrentDictionary<string, byte> InvalidUsers { get; } = new();

    /// <summary>Answer the next N app sends with errcode 45009 (api freq out of limit).</summary>
    public int ThrottleAnswers { get; set; }

    /// <summary>Answer the next N app sends with HTTP 500.</summary>
    public int ServerErrors { get; set; }

    /// <summary>Answer the next N app sends with HTTP 429 and <see cref="RetryAfter"/>.</summary>
    public int TooManyRequests { get; set; }

    /// <summary>The Retry-After of a 429 answer.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>message/send</c> requests, answered or refused.</summary>
    public int MessageSends => Volatile.Read(ref _messageSends);

    private int _messageSends;

    /// <summary>Largest touser list seen.</summary>
    public int LargestBatch { get; private set; }

    /// <summary>The contacts behind <c>cgi-bin/user/get</c>.</summary>
    public FakeContacts Contacts { get; } = new();

    /// <summary>The group robot webhook URL.</summary>
    public Uri RobotWebhook => new(BaseUrl, "cgi-bin/webhook/send?key=" + RobotKey);

    /// <summary>Forgets every issued token (errcode 42001 follows).</summary>
    public void RevokeTokens() => _tokens.Clear();

    protected override void Map(WebApplication app)
    {
        app.MapGet("/cgi-bin/gettoken", (HttpRequest request) =>
        {
            if (request.Query["corpid"] != CorpId || request.Query["corpsecret"] != Secret)
            {
                Violation("gettoken: wrong corpid or secret");
                return Results.Json(new { errcode = 40001, errmsg = "invalid credential" });
            }

            var token = "wc-token-" + Interlocked.Increment(ref _tokenCount).ToString(CultureInfo.InvariantCulture);
            _tokens[token] = Clock.GetUtcNow().AddHours(2);
            return Results.Json(new { errcode = 0, errmsg = "ok", access_token = token, expires_in = 7200 });
        });

        app.MapPost("/cgi-bin/message/send", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref _messageSends);
            var now = Clock.GetUtcNow();
            if (ServerErrors > 0)
            {
                ServerErrors--;
                return Results.StatusCode(500);
            }

            if (TooManyRequests > 0)
            {
                TooManyRequests--;
                request.HttpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return Results.StatusCode(429);
            }

            if (!_tokens.TryGetValue(request.Query["access_token"].ToString(), out var expires) || expires <= now)
            {
                return Results.Json(new { errcode = 42001, errmsg = "access_token expired" });
            }

            if (!_app.TryArrive(now))
            {
                Violation($"message/send: more than the app limit within the window at {now:O}");
                return Results.Json(new { errcode = 45009, errmsg = "api freq out of limit" });
            }

            if (ThrottleAnswers > 0)
            {
                ThrottleAnswers--;
                return Results.Json(new { errcode = 45009, errmsg = "api freq out of limit" });
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement;
            if (root.GetProperty("agentid").GetInt32() != AgentId)
            {
                Violation("message/send: wrong agentid");
            }

            var users = root.GetProperty("touser").GetString()!.Split('|');
            LargestBatch = Math.Max(LargestBatch, users.Length);
            if (users.Length > 1000)
            {
                Violation($"message/send: {users.Length} recipients (1000 allowed)");
            }

            var text = root.GetProperty("text").GetProperty("content").GetString()!;
            if (Encoding.UTF8.GetByteCount(text) > 2048)
            {
                Violation($"message/send: text of {Encoding.UTF8.GetByteCount(text)} bytes");
            }

            var invalid = users.Where(InvalidUsers.ContainsKey).ToArray();
            foreach (var user in users.Except(invalid))
            {
                if (!_members.GetOrAdd(user, _ => new WindowCounter(30, TimeSpan.FromMinutes(1))).TryArrive(now))
                {
                    // WeCom drops what exceeds the per-member limit without an error.
                    Violation($"message/send: more than 30 a minute to {user}");
                    continue;
                }

                Record("app", user, "text", text);
            }

            return Results.Json(new { errcode = 0, errmsg = "ok", invaliduser = string.Join('|', invalid), msgid = Guid.NewGuid().ToString("N") });
        });

        app.MapGet("/cgi-bin/user/get", async (HttpContext context) =>
        {
            if (!_tokens.TryGetValue(context.Request.Query["access_token"].ToString(), out var expires) || expires <= Clock.GetUtcNow())
            {
                Violation("user/get: invalid access_token");
                return Results.Json(new { errcode = 42001, errmsg = "access_token expired" });
            }

            var userId = context.Request.Query["userid"].ToString();
            if (!await Contacts.ArriveAsync(userId, context))
            {
                return Results.Empty;
            }

            if (Contacts.RefusalCode is { } refusal)
            {
                return Results.Json(new { errcode = refusal, errmsg = "no privilege to access/modify contact/party/agent" });
            }

            if (!Contacts.Mobiles.TryGetValue(userId, out var mobile))
            {
                return Results.Json(new { errcode = 60111, errmsg = "userid not found" });
            }

            // Apps created after 2022-06-20 get the member without the mobile field.
            return mobile is null
                ? Results.Json(new { errcode = 0, errmsg = "ok", userid = userId, name = "成员" + userId, status = 1 })
                : Results.Json(new { errcode = 0, errmsg = "ok", userid = userId, name = "成员" + userId, mobile, status = 1 });
        });

        app.MapPost("/cgi-bin/webhook/send", async (HttpRequest request) =>
        {
            var now = Clock.GetUtcNow();
            if (request.Query["key"] != RobotKey)
            {
                Violation("webhook/send: wrong key");
                return Results.Json(new { errcode = 93000, errmsg = "invalid webhook url" });
            }

            if (!_robot.TryArrive(now))
            {
                Violation($"webhook/send: more than 20 a minute at {now:O}");
                return Results.Json(new { errcode = 45009, errmsg = "api freq out of limit" });
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement;
            var type = root.GetProperty("msgtype").GetString()!;
            var text = root.GetProperty(type).GetProperty("content").GetString()!;
            var limit = type == "markdown" ? 4096 : 2048;
            if (Encoding.UTF8.GetByteCount(text) > limit)
            {
                Violation($"webhook/send: {type} of {Encoding.UTF8.GetByteCount(text)} bytes");
                return Results.Json(new { errcode = 40058, errmsg = "content exceed max length" });
            }

            Record("robot", "group", type, text);
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
    }
}
