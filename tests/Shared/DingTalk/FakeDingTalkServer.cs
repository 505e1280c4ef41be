using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PartyAffairs.Channels.DingTalk;
using PartyAffairs.Tests.Channels;

namespace PartyAffairs.Tests.DingTalk;

/// <summary>
/// Fake DingTalk: the OpenAPI (accessToken, oToMessages/batchSend, groupMessages/send), session webhooks
/// (robot/sendBySession), a custom group robot (robot/send, signed) and the contacts' user detail (topapi/v2/user/get). Checks credentials, tokens, signatures, batch
/// sizes and rate limits, and behaves as DingTalk does when they are broken.
/// </summary>
public sealed class FakeDingTalkServer(TimeProvider clock, int appLimit = 20, TimeSpan? appWindow = null) : FakePlatformServer(clock)
{
    /// <summary>The custom robot's answer when more than 20 messages a minute were sent.</summary>
    public const long TooFastCode = 130101;

    public const string AppKey = "dingfakeappkey";
    public const string AppSecret = "fake-app-secret-不要记录";
    public const string RobotToken = "fake-robot-token";
    public const string RobotSecret = "SECfake-robot-secret";

    private readonly WindowCounter _app = new(appLimit, appWindow ?? TimeSpan.FromSeconds(1));
    private readonly WindowCounter _robot = new(20, TimeSpan.FromMinutes(1));
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new();
    private readonly ConcurrentDictionary<string, byte> _sessions = new();
    private int _tokenCount;
    private DateTimeOffset _robotBlockedUntil;

    /// <summary>Lifetime of issued tokens.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Access tokens issued so far.</summary>
    public int TokensIssued => _tokenCount;

    /// <summary>Staff ids the OpenAPI reports as invalid.</summary>
    public ConcurrentDictionary<string, byte> InvalidStaffIds { get; } = new();

    /// <summary>Staff ids reported as flow-controlled on their first send.</summary>
    public ConcurrentDictionary<string, byte> FlowControlOnce { get; } = new();

    /// <summary>Answer the next N custom robot posts with 130101 (too fast) as if the robot were blocked.</summary>
    public int RobotTooFastAnswers { get; set; }

    /// <summary>Answer the next N OpenAPI sends with HTTP 503.</summary>
    public int ServerErrors { get; set; }

    /// <summary>Answer the next N OpenAPI sends with HTTP 429 and <see cref="RetryAfter"/>.</summary>
    public int TooManyRequests { get; set; }

    /// <summary>The Retry-After of a 429 answer.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Robot message requests to the OpenAPI (one-to-one and group), answered or refused.</summary>
    public int OpenApiSends => Volatile.Read(ref _openApiSends);

    private int _openApiSends;

    /// <summary>The contacts behind <c>topapi/v2/user/get</c>.</summary>
    public FakeContacts Contacts { get; } = new();

    /// <summary>A fresh session webhook URL, as a callback would carry.</summary>
    public string NewSessionWebhook()
    {
        var session = Guid.NewGuid().ToString("N");
        _sessions[session] = 0;
        return new Uri(BaseUrl, "robot/sendBySession?session=" + session).AbsoluteUri;
    }

    /// <summary>The custom group robot webhook URL (without signature).</summary>
    public Uri RobotWebhook => new(BaseUrl, "robot/send?access_token=" + RobotToken);

    /// <summary>Forgets every issued token, as when DingTalk expires them early.</summary>
    public void RevokeTokens() => _tokens.Clear();

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v1.0/oauth2/accessToken", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement;
            if (root.GetProperty("appKey").GetString() != AppKey || root.GetProperty("appSecret").GetString() != AppSecret)
            {
                Violation("accessToken: wrong app key or secret");
                return Results.Json(new { code = "invalidClientIdOrSecret", message = "无效的clientId或者clientSecret" }, statusCode: 400);
            }

            var token = "dt-token-" + Interlocked.Increment(ref _tokenCount).ToString(CultureInfo.InvariantCulture);
            _tokens[token] = Clock.GetUtcNow() + TokenLifetime;
            return Results.Json(new { accessToken = token, expireIn = (int)TokenLifetime.TotalSeconds });
        });

        app.MapPost("/v1.0/robot/oToMessages/batchSend", async (HttpRequest request) =>
        {
            if (CheckOpenApi(request) is { } refused)
            {
                return refused;
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement;
            var users = root.GetProperty("userIds").EnumerateArray().Select(u => u.GetString()!).ToArray();
            if (users.Length is 0 or > 20)
            {
                Violation($"oToMessages: {users.Length} userIds (1–20 allowed)");
                return Results.Json(new { code = "invalidParameter.userIds", message = "userIds" }, statusCode: 400);
            }

            if (root.GetProperty("robotCode").GetString() != AppKey)
            {
                Violation("oToMessages: wrong robotCode");
            }

            var (type, text) = ReadOpenApiMessage(root);
            var invalid = users.Where(InvalidStaffIds.ContainsKey).ToArray();
            var throttled = users.Where(u => FlowControlOnce.TryRemove(u, out _)).ToArray();
            foreach (var user in users.Except(invalid).Except(throttled))
            {
                Record("oto", user, type, text);
            }

            return Results.Json(new { processQueryKey = Guid.NewGuid().ToString("N"), invalidStaffIdList = invalid, flowControlledStaffIdList = throttled });
        });

        app.MapPost("/v1.0/robot/groupMessages/send", async (HttpRequest request) =>
        {
            if (CheckOpenApi(request) is { } refused)
            {
                return refused;
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement;
            var (type, text) = ReadOpenApiMessage(root);
            Record("group", root.GetProperty("openConversationId").GetString()!, type, text);
            return Results.Json(new { processQueryKey = Guid.NewGuid().ToString("N") });
        });

        app.MapPost("/topapi/v2/user/get", async (HttpContext context) =>
        {
            // Old-style server API: the token in the query, errcode/errmsg answers, the user under "result".
            var token = context.Request.Query["access_token"].ToString();
            if (!_tokens.TryGetValue(token, out var expires) || expires <= Clock.GetUtcNow())
            {
                Violation("user/get: invalid access_token");
                return Results.Json(new { errcode = 40014, errmsg = "不合法的access_token" });
            }

            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var userId = body.RootElement.TryGetProperty("userid", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : string.Empty;
            if (!await Contacts.ArriveAsync(userId, context))
            {
                return Results.Empty;
            }

            if (Contacts.RefusalCode is { } refusal)
            {
                return Results.Json(new { errcode = refusal, errmsg = "应用没有权限", request_id = "r1" });
            }

            if (!Contacts.Mobiles.TryGetValue(userId, out var mobile))
            {
                return Results.Json(new { errcode = 60121, errmsg = "找不到该用户", request_id = "r2" });
            }

            var result = new Dictionary<string, object> { ["userid"] = userId, ["name"] = "用户" + userId, ["active"] = true };
            if (mobile is not null)
            {
                result["mobile"] = mobile;
                result["state_code"] = "86";
            }

            return Results.Json(new { errcode = 0, errmsg = "ok", result, request_id = "r3" });
        });

        app.MapPost("/robot/sendBySession", async (HttpRequest request) =>
        {
            var session = request.Query["session"].ToString();
            if (!_sessions.ContainsKey(session))
            {
                Violation("sendBySession: unknown session");
                return Results.Json(new { errcode = 300001, errmsg = "session invalid" });
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            var (type, text) = ReadWebhookMessage(body.RootElement);
            var at = body.RootElement.TryGetProperty("at", out var mention) ? string.Join(',', mention.GetProperty("atUserIds").EnumerateArray().Select(e => e.GetString())) : string.Empty;
            Record("session", session + (at.Length > 0 ? "@" + at : string.Empty), type, text);
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });

        app.MapPost("/robot/send", async (HttpRequest request) =>
        {
            var now = Clock.GetUtcNow();
            if (request.Query["access_token"] != RobotToken)
            {
                Violation("robot/send: wrong access_token");
                return Results.Json(new { errcode = 300001, errmsg = "token is not exist" });
            }

            if (!DingTalkSignature.Verify(request.Query["timestamp"], request.Query["sign"], RobotSecret, now))
            {
                Violation("robot/send: bad sign");
                return Results.Json(new { errcode = 310000, errmsg = "sign not match" });
            }

            if (now < _robotBlockedUntil)
            {
                Violation("robot/send: posted while blocked");
                return Results.Json(new { errcode = TooFastCode, errmsg = "send too fast" });
            }

            if (RobotTooFastAnswers > 0)
            {
                RobotTooFastAnswers--;
                _robotBlockedUntil = now + TimeSpan.FromMinutes(10);
                return Results.Json(new { errcode = TooFastCode, errmsg = "send too fast" });
            }

            if (!_robot.TryArrive(now))
            {
                Violation($"robot/send: more than 20 messages within a minute at {now:O}");
                _robotBlockedUntil = now + TimeSpan.FromMinutes(10);
                return Results.Json(new { errcode = TooFastCode, errmsg = "send too fast" });
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            var (type, text) = ReadWebhookMessage(body.RootElement);
            Record("robot", "group", type, text);
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
    }

    private IResult? CheckOpenApi(HttpRequest request)
    {
        Interlocked.Increment(ref _openApiSends);
        var now = Clock.GetUtcNow();
        var token = request.Headers["x-acs-dingtalk-access-token"].ToString();
        if (!_tokens.TryGetValue(token, out var expires) || expires <= now)
        {
            return Results.Json(new { code = "InvalidAuthentication", message = "不合法的access_token" }, statusCode: 401);
        }

        if (!_app.TryArrive(now))
        {
            Violation($"OpenAPI: more than the app limit within the window at {now:O}");
            return Results.Json(new { code = "Forbidden.AccessDenied.QpsLimitForApi", message = "qps limit" }, statusCode: 403);
        }

        if (ServerErrors > 0)
        {
            ServerErrors--;
            return Results.StatusCode(503);
        }

        if (TooManyRequests > 0)
        {
            TooManyRequests--;
            request.HttpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Results.StatusCode(429);
        }

        return null;
    }

    private static (string Type, string Text) ReadOpenApiMessage(JsonElement root)
    {
        var key = root.GetProperty("msgKey").GetString()!;
        using var param = JsonDocument.Parse(root.GetProperty("msgParam").GetString()!);
        return key switch
        {
            "sampleText" => ("text", param.RootElement.GetProperty("content").GetString()!),
            "sampleMarkdown" => ("markdown", param.RootElement.GetProperty("title").GetString() + "|" + param.RootElement.GetProperty("text").GetString()),
            _ => throw new InvalidOperationException("unknown msgKey " + key),
        };
    }

    private static (string Type, string Text) ReadWebhookMessage(JsonElement root)
    {
        var type = root.GetProperty("msgtype").GetString()!;
        return type switch
        {
            "text" => (type, root.GetProperty("text").GetProperty("content").GetString()!),
            "markdown" => (type, root.GetProperty("markdown").GetProperty("title").GetString() + "|" + root.GetProperty("markdown").GetProperty("text").GetString()),
            _ => throw new InvalidOperationException("unexpected msgtype " + type),
        };
    }
}
