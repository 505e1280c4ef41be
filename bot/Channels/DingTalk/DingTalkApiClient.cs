using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Channels.Delivery;
using Polly;

namespace PartyAffairs.Bot.Channels.DingTalk;

/// <summary>
/// Every call the bot makes to DingTalk: session webhook replies, one-to-one and group robot messages through the
/// OpenAPI (access token cached until it expires), and custom group robot notices (signed URL). Each call waits for
/// its rate gate, and transient failures are retried with back-off, honouring Retry-After and throttle codes.
/// </summary>
public sealed class DingTalkApiClient : IDisposable
{
    /// <summary>Name of the HttpClient this client uses.</summary>
    public const string HttpClientName = "dingtalk";

    /// <summary>Custom robot answer when more than 20 messages a minute were sent (the robot is then blocked).</summary>
    public const long TooFastCode = 130101;

    private const string Channel = "dingtalk";

    private readonly IHttpClientFactory _httpFactory;
    private readonly DingTalkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DingTalkApiClient> _logger;
    private readonly AccessTokenCache _token;
    private readonly ResiliencePipeline _retry;

    public DingTalkApiClient(IHttpClientFactory httpFactory, IOptions<DingTalkOptions> options, TimeProvider time, ILogger<DingTalkApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpFactory = httpFactory;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _token = new AccessTokenCache(FetchTokenAsync, time);
        _retry = DeliveryRetry.Create(_options.Retry, time);
        AppGate = new SendWindowGate(time, new SendRule(_options.AppLimit, _options.AppWindow));
        GroupRobotGate = new SendWindowGate(time, new SendRule(_options.GroupRobotLimit, _options.GroupRobotWindow));
    }

    /// <summary>Paces OpenAPI calls of the whole app.</summary>
    public SendWindowGate AppGate { get; }

    /// <summary>Paces the custom group robot (20 a minute).</summary>
    public SendWindowGate GroupRobotGate { get; }

    /// <summary>Replies through a callback's session webhook, which must lie under the configured base URL.</summary>
    public Task ReplyAsync(Uri sessionWebhook, DingTalkMessage message, IReadOnlyList<string>? atUserIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionWebhook);
        ArgumentNullException.ThrowIfNull(message);
        if (!IsSessionWebhook(sessionWebhook))
        {
            throw new ChannelDeliveryException("dingtalk reply: session webhook outside the configured base URL.", isTransient: false);
        }

        var body = message.ToWebhookBody(atUserIds);
        return _retry.ExecuteAsync(async ct =>
        {
            var reply = await PostAsync(sessionWebhook, body, "reply", headers: null, ct);
            ThrowOnWebhookError(reply, "reply", gate: null);
        }, cancellationToken).AsTask();
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
    /// Sends a one-to-one robot message to staff ids (batches of <see cref="DingTalkOptions.BatchSize"/>). Returns the ids
    /// it did not reach, each with the final failure: refused ids (unknown, not visible to the app) and batches that still
    /// failed after the retries. Flow-controlled ids are retried.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ChannelDeliveryException>> SendToUsersAsync(IReadOnlyList<string> staffIds, DingTalkMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staffIds);
        ArgumentNullException.ThrowIfNull(message);
        var (msgKey, msgParam) = message.ToOpenApi();
        var failures = new Dictionary<string, ChannelDeliveryException>(StringComparer.Ordinal);
        foreach (var batch in staffIds.Distinct(StringComparer.Ordinal).Chunk(_options.BatchSize))
        {
            var remaining = batch;
            try
            {
                await _retry.ExecuteAsync(async ct =>
                {
                    var body = new JsonObject
                    {
                        ["robotCode"] = _options.EffectiveRobotCode,
                        ["userIds"] = new JsonArray(remaining.Select(id => (JsonNode?)id).ToArray()),
                        ["msgKey"] = msgKey,
                        ["msgParam"] = msgParam,
                    };
                    var reply = await CallOpenApiAsync("v1.0/robot/oToMessages/batchSend", body, "oToMessages", ct);
                    foreach (var refused in Strings(reply, "invalidStaffIdList"))
                    {
                        failures[refused] = new ChannelDeliveryException("dingtalk oToMessages: staff id refused.", isTransient: false);
                    }

                    var throttled = Strings(reply, "flowControlledStaffIdList").ToArray();
                    if (throttled.Length > 0)
                    {
                        remaining = throttled;
                        throw new ChannelDeliveryException($"dingtalk oToMessages: {throttled.Length} recipients flow-controlled.", isTransient: true);
                    }
                }, cancellationToken);
            }
            catch (ChannelDeliveryException e)
            {
                foreach (var id in remaining)
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
        return _retry.ExecuteAsync(async ct => await CallOpenApiAsync("v1.0/robot/groupMessages/send", body, "groupMessages", ct), cancellationToken).AsTask();
    }

    /// <summary>Posts to the custom group robot webhook, at most 20 a minute; a "too fast" answer blocks the robot for 10 minutes.</summary>
    public Task PostGroupNoticeAsync(DingTalkMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var webhook = _options.GroupWebhookUrl ?? throw new ChannelDeliveryException("dingtalk group robot is not configured.", isTransient: false);
        var body = message.ToWebhookBody();
        return _retry.ExecuteAsync(async ct =>
        {
            using (await GroupRobotGate.EnterAsync(ct))
            {
                var url = string.IsNullOrEmpty(_options.GroupWebhookSecret) ? webhook : DingTalkSignature.SignWebhook(webhook, _options.GroupWebhookSecret, _time.GetUtcNow());
                var reply = await PostAsync(url, body, "groupRobot", headers: null, ct);
                ThrowOnWebhookError(reply, "groupRobot", GroupRobotGate);
            }
        }, cancellationToken).AsTask();
    }

    public void Dispose()
    {
        _token.Dispose();
        AppGate.Dispose();
        GroupRobotGate.Dispose();
    }

    private async Task<PlatformReply> CallOpenApiAsync(string path, JsonObject body, string operation, CancellationToken cancellationToken)
    {
        var token = await _token.GetAsync(cancellationToken);
        PlatformReply reply;
        using (await AppGate.EnterAsync(cancellationToken))
        {
            try
            {
                reply = await PostAsync(new Uri(_options.ApiBaseUrl, path), body, operation, [("x-acs-dingtalk-access-token", token)], cancellationToken);
            }
            catch (ChannelDeliveryException e) when (e.RetryAfter is { } wait)
            {
                Pause(AppGate, operation, wait);
                throw;
            }
        }

        if (reply.IsSuccess)
        {
            return reply;
        }

        var code = reply.Text("code") ?? string.Empty;
        if (reply.Status == HttpStatusCode.Unauthorized || code.Contains("InvalidAuthentication", StringComparison.OrdinalIgnoreCase))
        {
            _token.Invalidate(token);
            throw new ChannelDeliveryException($"dingtalk {operation}: access token rejected.", isTransient: true, TimeSpan.Zero);
        }

        if (code.Contains("QpsLimit", StringComparison.OrdinalIgnoreCase) || code.Contains("Throttling", StringComparison.OrdinalIgnoreCase))
        {
            Pause(AppGate, operation, _options.AppWindow);
            throw new ChannelDeliveryException($"dingtalk {operation}: throttled ({code}).", isTransient: true, _options.AppWindow);
        }

        throw new ChannelDeliveryException($"dingtalk {operation}: HTTP {(int)reply.Status} {code}.", isTransient: false);
    }

    private void ThrowOnWebhookError(PlatformReply reply, string operation, SendWindowGate? gate)
    {
        var errcode = reply.Number("errcode");
        if (reply.IsSuccess && errcode is null or 0)
        {
            return;
        }

        if (errcode == TooFastCode)
        {
            if (gate is not null)
            {
                Pause(gate, operation, _options.GroupRobotBlock);
            }

            throw new ChannelDeliveryException($"dingtalk {operation}: sent too fast (130101).", isTransient: true, _options.GroupRobotBlock);
        }

        throw new ChannelDeliveryException($"dingtalk {operation}: HTTP {(int)reply.Status}, errcode {errcode?.ToString(CultureInfo.InvariantCulture) ?? "none"}.", isTransient: false);
    }

    private void Pause(SendWindowGate gate, string operation, TimeSpan wait)
    {
        ChannelLog.Throttled(_logger, Channel, operation, wait.TotalSeconds);
        gate.PauseUntil(_time.GetUtcNow() + wait);
    }

    private async Task<AccessToken> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["appKey"] = _options.AppKey, ["appSecret"] = _options.AppSecret };
        var reply = await PostAsync(new Uri(_options.ApiBaseUrl, "v1.0/oauth2/accessToken"), body, "accessToken", headers: null, cancellationToken);
        var token = reply.Text("accessToken");
        var expiresIn = reply.Number("expireIn");
        if (!reply.IsSuccess || string.IsNullOrEmpty(token) || expiresIn is null or <= 0)
        {
            throw new ChannelDeliveryException($"dingtalk accessToken: HTTP {(int)reply.Status} {reply.Text("code")}.", isTransient: false);
        }

        return new AccessToken(token, TimeSpan.FromSeconds(expiresIn.Value));
    }

    private async Task<PlatformReply> PostAsync(Uri url, JsonObject body, string operation, (string Name, string Value)[]? headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: PlatformJson.Options) };
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            return await PlatformHttp.SendAsync(_httpFactory.CreateClient(HttpClientName), request, $"dingtalk {operation}", _time, cancellationToken);
        }
        catch (ChannelDeliveryException e)
        {
            ChannelLog.SendFailed(_logger, Channel, operation, e.Message);
            throw;
        }
    }

    private static IEnumerable<string> Strings(PlatformReply reply, string property) =>
        reply.Body is { ValueKind: System.Text.Json.JsonValueKind.Object } body && body.TryGetProperty(property, out var list) && list.ValueKind == System.Text.Json.JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == System.Text.Json.JsonValueKind.String).Select(e => e.GetString()!)
            : [];
}
