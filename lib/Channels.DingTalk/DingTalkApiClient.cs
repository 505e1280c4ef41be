using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Delivery.Pacing;
using PartyAffairs.Delivery.Tokens;

namespace PartyAffairs.Channels.DingTalk;

/// <summary>
/// Every call the bot makes to DingTalk: session webhook replies, one-to-one and group robot messages through the
/// OpenAPI, custom group robot notices (signed URL) and the contacts' user detail (for binding by mobile number). The
/// shared <see cref="PlatformClient"/> caches the access token and takes each call's permits of the shared rate limiter
/// (the app's budget, or the group robot's); this class keeps DingTalk's endpoints, payloads and error codes. Every call
/// is a single attempt that reports transient or final failures: the retries are the caller's (the one retry layer).
/// </summary>
internal sealed class DingTalkApiClient : IDisposable
{
    /// <summary>Name of the HttpClient this client uses.</summary>
    public const string HttpClientName = "dingtalk";

    /// <summary>Custom robot answer when more than 20 messages a minute were sent (the robot is then blocked).</summary>
    public const long TooFastCode = 130101;

    /// <summary>Old-style (oapi) answers for an invalid or expired access token.</summary>
    private static readonly long[] OapiTokenCodes = [40001, 40014, 42001];

    private readonly DingTalkOptions _options;
    private readonly PlatformClient _platform;

    public DingTalkApiClient(IHttpClientFactory httpFactory, IOptions<DingTalkOptions> options, SharedRateLimiter limiter, TimeProvider time, ILogger<DingTalkApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _platform = new PlatformClient(httpFactory, HttpClientName, FetchTokenAsync, _options, limiter, time, logger);
    }

    /// <summary>The budget of every OpenAPI call of the app.</summary>
    public RateBudget AppBudget => _platform.AppBudget;

    /// <summary>The custom group robot's budget (20 a minute; paused 10 minutes when DingTalk says it was too fast).</summary>
    public RateBudget GroupRobotBudget => _platform.GroupRobotBudget;

    /// <summary>
    /// Replies through a callback's session webhook, which must lie under the configured base URL. The session webhook is
    /// not the app's OpenAPI, so it takes no permit of the app's budget.
    /// </summary>
    public async Task ReplyAsync(Uri sessionWebhook, DingTalkMessage message, IReadOnlyList<string>? atUserIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionWebhook);
        ArgumentNullException.ThrowIfNull(message);
        if (!IsSessionWebhook(sessionWebhook))
        {
            throw new ChannelDeliveryException("dingtalk reply: session webhook outside the configured base URL.", isTransient: false);
        }

        var reply = await _platform.PostJsonAsync(sessionWebhook, message.ToWebhookBody(atUserIds), "reply", cancellationToken);
        await ThrowOnWebhookErrorAsync(reply, "reply", robot: false);
    }

    /// <summary>True when a session webhook may be called (it lies under <see cref="DingTalkOptions.SessionWebhookBaseUrl"/>).</summary>
    public bool IsSessionWebhook(Uri sessionWebhook)
    {
        ArgumentNullException.ThrowIfNull(sessionWebhook);
        var baseUrl = _options.SessionWebhookBaseUrl;
        return sessionWebhook.IsAbsoluteUri
            && string.Equals(sessionWebhook.Scheme, baseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(sessionWebhook.Authority, baseUrl.Authority, StringComparison.OrdinalIgnoreCase)
            && sessionWebhook.AbsolutePath.StartsWith(baseUrl.AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sends a one-to-one robot message to staff ids (batches of <see cref="DingTalkOptions.BatchSize"/>, one attempt per
    /// batch). Returns the ids it did not reach, each with its failure: refused ids (unknown, not visible to the app) as
    /// final, flow-controlled ids and failed batches (5xx, 429, throttling, a rejected token) as transient.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ChannelDeliveryException>> SendToUsersAsync(IReadOnlyList<string> staffIds, DingTalkMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staffIds);
        ArgumentNullException.ThrowIfNull(message);
        var (msgKey, msgParam) = message.ToOpenApi();
        var failures = new Dictionary<string, ChannelDeliveryException>(StringComparer.Ordinal);
        foreach (var batch in staffIds.Distinct(StringComparer.Ordinal).Chunk(_options.BatchSize))
        {
            try
            {
                var body = new JsonObject
                {
                    ["robotCode"] = _options.EffectiveRobotCode,
                    ["userIds"] = new JsonArray(batch.Select(id => (JsonNode?)id).ToArray()),
                    ["msgKey"] = msgKey,
                    ["msgParam"] = msgParam,
                };
                var reply = await CallOpenApiAsync("v1.0/robot/oToMessages/batchSend", body, "oToMessages", cancellationToken);
                foreach (var refused in Strings(reply, "invalidStaffIdList"))
                {
                    failures[refused] = new ChannelDeliveryException("dingtalk oToMessages: staff id refused.", isTransient: false);
                }

                var throttled = Strings(reply, "flowControlledStaffIdList").ToArray();
                if (throttled.Length > 0)
                {
                    var flowControlled = new ChannelDeliveryException($"dingtalk oToMessages: {throttled.Length} recipients flow-controlled.", isTransient: true);
                    foreach (var id in throttled)
                    {
                        failures[id] = flowControlled;
                    }
                }
            }
            catch (ChannelDeliveryException e)
            {
                foreach (var id in batch)
                {
                    failures[id] = e;
                }
            }
        }

        return failures;
    }

    /// <summary>Sends a robot message to a group conversation (openConversationId) through the OpenAPI.</summary>
    public Task SendToGroupAsync(string openConversationId, DingTalkMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(openConversationId);
        ArgumentNullException.ThrowIfNull(message);
        var (msgKey, msgParam) = message.ToOpenApi();
        var body = new JsonObject
        {
            ["robotCode"] = _options.EffectiveRobotCode,
            ["openConversationId"] = openConversationId,
            ["msgKey"] = msgKey,
            ["msgParam"] = msgParam,
        };
        return CallOpenApiAsync("v1.0/robot/groupMessages/send", body, "groupMessages", cancellationToken);
    }

    /// <summary>
    /// Posts to the custom group robot webhook, at most 20 a minute (the robot's budget); a "too fast" answer pauses the
    /// robot for every instance for <see cref="DingTalkOptions.GroupRobotBlock"/> and is reported as transient.
    /// </summary>
    public async Task PostGroupNoticeAsync(DingTalkMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var webhook = _options.GroupWebhookUrl ?? throw new ChannelDeliveryException("dingtalk group robot is not configured.", isTransient: false);
        var body = message.ToWebhookBody();
        var reply = await _platform.CallAsync([GroupRobotBudget], c =>
        {
            // Signed when the permit is granted: the signature's timestamp must be fresh when DingTalk receives it.
            var url = string.IsNullOrEmpty(_options.GroupWebhookSecret) ? webhook : DingTalkSignature.SignWebhook(webhook, _options.GroupWebhookSecret, _platform.Time.GetUtcNow());
            return _platform.PostJsonAsync(url, body, "groupRobot", c);
        }, "groupRobot", cancellationToken);
        await ThrowOnWebhookErrorAsync(reply, "groupRobot", robot: true);
    }

    /// <summary>
    /// The mobile number the contacts give for a staff id (<c>topapi/v2/user/get</c>, <c>result.mobile</c>), prefixed with
    /// "+{state_code}" when DingTalk names a country code; null when DingTalk returns none (the app lacks the personal
    /// information permission). One attempt (a rejected token is fetched again once); throws
    /// <see cref="ChannelDeliveryException"/> for errors. The number is never logged.
    /// </summary>
    public async Task<string?> GetUserMobileAsync(string staffId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(staffId);
        const string operation = "user/get";
        var body = new JsonObject { ["userid"] = staffId, ["language"] = "zh_CN" };
        var reply = await _platform.QueryAsync(
            (token, ct) => _platform.PostJsonAsync(new Uri(_options.ContactApiBaseUrl, "topapi/v2/user/get?access_token=" + Uri.EscapeDataString(token)), body, operation, ct),
            OapiTokenCodes,
            operation,
            cancellationToken);
        if (reply.Body is not { } root || !root.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty("mobile", out var mobile) || mobile.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(mobile.GetString()))
        {
            return null;
        }

        var country = result.TryGetProperty("state_code", out var state) && state.ValueKind == JsonValueKind.String ? state.GetString() : null;
        return string.IsNullOrWhiteSpace(country) ? mobile.GetString() : $"+{country.Trim().TrimStart('+')} {mobile.GetString()}";
    }

    public void Dispose()
    {
        _platform.Dispose();
    }

    private async Task<PlatformReply> CallOpenApiAsync(string path, JsonObject body, string operation, CancellationToken cancellationToken)
    {
        var token = await _platform.TokenAsync(cancellationToken);
        var reply = await _platform.CallAsync(
            [AppBudget],
            ct => _platform.PostJsonAsync(new Uri(_options.ApiBaseUrl, path), body, operation, ct, ("x-acs-dingtalk-access-token", token)),
            operation,
            cancellationToken);
        if (reply.IsSuccess)
        {
            return reply;
        }

        var code = reply.Text("code") ?? string.Empty;
        if (reply.Status == HttpStatusCode.Unauthorized || code.Contains("InvalidAuthentication", StringComparison.OrdinalIgnoreCase))
        {
            throw _platform.TokenRejected(token, operation);
        }

        if (code.Contains("QpsLimit", StringComparison.OrdinalIgnoreCase) || code.Contains("Throttling", StringComparison.OrdinalIgnoreCase))
        {
            throw await _platform.ThrottledAsync([AppBudget], operation, _options.AppWindow, $"throttled ({code})");
        }

        throw _platform.Refused(operation, reply, code);
    }

    private async Task ThrowOnWebhookErrorAsync(PlatformReply reply, string operation, bool robot)
    {
        var errcode = reply.Number("errcode");
        if (reply.IsSuccess && errcode is null or 0)
        {
            return;
        }

        if (errcode == TooFastCode)
        {
            // The custom robot is blocked for ten minutes: no instance posts to it until then.
            throw robot
                ? await _platform.ThrottledAsync([GroupRobotBudget], operation, _options.GroupRobotBlock, "sent too fast (130101)")
                : new ChannelDeliveryException($"dingtalk {operation}: sent too fast (130101).", isTransient: true, _options.GroupRobotBlock);
        }

        throw _platform.Refused(operation, reply, PlatformClient.ErrorCode(reply));
    }

    private async Task<AccessToken> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["appKey"] = _options.AppKey, ["appSecret"] = _options.AppSecret };
        var reply = await _platform.PostJsonAsync(new Uri(_options.ApiBaseUrl, "v1.0/oauth2/accessToken"), body, "accessToken", cancellationToken);
        var token = reply.Text("accessToken");
        var expiresIn = reply.Number("expireIn");
        if (!reply.IsSuccess || string.IsNullOrEmpty(token) || expiresIn is null or <= 0)
        {
            throw _platform.Refused("accessToken", reply, reply.Text("code"));
        }

        return new AccessToken(token, TimeSpan.FromSeconds(expiresIn.Value));
    }

    private static IEnumerable<string> Strings(PlatformReply reply, string property) =>
        reply.Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)
            : [];
}
