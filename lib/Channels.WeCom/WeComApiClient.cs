using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Delivery.Pacing;
using PartyAffairs.Delivery.Tokens;

namespace PartyAffairs.Channels.WeCom;

/// <summary>
/// Every call the bot makes to WeCom: app messages (<c>message/send</c>, up to 1000 recipients a call), group robot
/// notices and the contacts' member detail (for binding by mobile number). The shared <see cref="PlatformClient"/>
/// caches the access token; this class keeps WeCom's endpoints, payloads and errcodes. Every call takes its permits of the
/// shared rate limiter, all at once: the app's budget and, for app messages, each recipient's (30 a minute and 1000 an
/// hour), or the robot's (20 a minute); throttle answers pause those budgets for every instance. Every call is a single
/// attempt that reports transient or final failures: the retries are the caller's (the one retry layer).
/// </summary>
internal sealed class WeComApiClient : IDisposable
{
    /// <summary>Name of the HttpClient this client uses.</summary>
    public const string HttpClientName = "wecom";

    /// <summary>Largest app text message and group robot text, in UTF-8 bytes.</summary>
    public const int MaxTextBytes = 2048;

    /// <summary>Largest group robot markdown message, in UTF-8 bytes.</summary>
    public const int MaxMarkdownBytes = 4096;

    private static readonly long[] ThrottleCodes = [-1, 45009, 45011, 45033];
    private static readonly long[] TokenCodes = [40014, 41001, 42001];
    private const long AllRecipientsInvalid = 81013;

    private readonly WeComOptions _options;
    private readonly PlatformClient _platform;
    private readonly RateRule[] _memberRules;

    public WeComApiClient(IHttpClientFactory httpFactory, IOptions<WeComOptions> options, SharedRateLimiter limiter, TimeProvider time, ILogger<WeComApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _platform = new PlatformClient(httpFactory, HttpClientName, FetchTokenAsync, _options, limiter, time, logger);
        _memberRules = [new RateRule(_options.MemberLimitPerMinute, TimeSpan.FromMinutes(1)), new RateRule(_options.MemberLimitPerHour, TimeSpan.FromHours(1))];
    }

    /// <summary>The budget of every API call of the app.</summary>
    public RateBudget AppBudget => _platform.AppBudget;

    /// <summary>The group robot's budget (20 a minute).</summary>
    public RateBudget GroupRobotBudget => _platform.GroupRobotBudget;

    /// <summary>The budget of app messages to one member (30 a minute and 1000 an hour: WeCom silently drops the excess).</summary>
    public RateBudget MemberBudget(string userId) => new(ChannelRateKeys.Member(HttpClientName, userId), _memberRules);

    /// <summary>
    /// Sends one text app message (at most <see cref="MaxTextBytes"/>) to members, in batches of
    /// <see cref="WeComOptions.BatchSize"/>, one attempt per batch. Returns the userids it did not reach, each with its
    /// failure: ids WeCom refused as final, failed batches (throttling, 5xx, a rejected token) as transient.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ChannelDeliveryException>> SendTextAsync(IReadOnlyList<string> userIds, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(text);
        var failures = new Dictionary<string, ChannelDeliveryException>(StringComparer.Ordinal);
        foreach (var batch in userIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Chunk(_options.BatchSize))
        {
            var body = new JsonObject
            {
                ["touser"] = string.Join('|', batch),
                ["msgtype"] = "text",
                ["agentid"] = _options.AgentId,
                ["text"] = new JsonObject { ["content"] = text },
                ["safe"] = 0,
            };
            try
            {
                var reply = await CallAppApiAsync(batch, body, cancellationToken);
                var refused = reply.Number("errcode") == AllRecipientsInvalid
                    ? batch
                    : ((string[])["invaliduser", "unlicenseduser"]).SelectMany(f => (reply.Text(f) ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries));
                foreach (var id in refused)
                {
                    failures[id] = new ChannelDeliveryException("wecom message/send: userid refused.", isTransient: false);
                }
            }
            catch (ChannelDeliveryException e)
            {
                foreach (var id in batch)
                {
                    failures.TryAdd(id, e);
                }
            }
        }

        return failures;
    }

    /// <summary>Posts one group robot notice part, as markdown (at most 4096 bytes) or text (2048), at most 20 a minute.</summary>
    public async Task PostGroupNoticeAsync(string part, bool markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(part);
        var webhook = _options.GroupWebhookUrl ?? throw new ChannelDeliveryException("wecom group robot is not configured.", isTransient: false);
        var body = markdown
            ? new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = part } }
            : new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = part } };
        var reply = await _platform.CallAsync([GroupRobotBudget], c => _platform.PostJsonAsync(webhook, body, "groupRobot", c), "groupRobot", cancellationToken);
        await ThrowOnErrorAsync(reply, "groupRobot", [GroupRobotBudget], _options.GroupRobotWindow, token: null);
    }

    /// <summary>
    /// The mobile number WeCom's contacts give for a userid (<c>cgi-bin/user/get</c>, <c>mobile</c>); null when WeCom
    /// returns none (apps created after 2022-06-20 no longer receive it). One attempt (a rejected token is fetched
    /// again once); throws <see cref="ChannelDeliveryException"/> for errors. The number is never logged.
    /// </summary>
    public async Task<string?> GetUserMobileAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        const string operation = "user/get";
        var reply = await _platform.QueryAsync(
            (token, ct) => _platform.GetAsync(new Uri(_options.ApiBaseUrl, $"cgi-bin/user/get?access_token={Uri.EscapeDataString(token)}&userid={Uri.EscapeDataString(userId)}"), operation, ct),
            TokenCodes,
            operation,
            cancellationToken);
        return reply.Text("mobile") is { } mobile && !string.IsNullOrWhiteSpace(mobile) ? mobile : null;
    }

    public void Dispose() => _platform.Dispose();

    private async Task<PlatformReply> CallAppApiAsync(string[] recipients, JsonObject body, CancellationToken cancellationToken)
    {
        var token = await _platform.TokenAsync(cancellationToken);
        var url = new Uri(_options.ApiBaseUrl, "cgi-bin/message/send?access_token=" + Uri.EscapeDataString(token));
        // The app's budget and every recipient's, taken together: the message reaches them all at once.
        RateBudget[] budgets = [AppBudget, .. recipients.Select(MemberBudget)];
        var reply = await _platform.CallAsync(budgets, ct => _platform.PostJsonAsync(url, body, "message/send", ct), "message/send", cancellationToken);
        await ThrowOnErrorAsync(reply, "message/send", [AppBudget], _options.AppWindow, token);
        return reply;
    }

    private async Task ThrowOnErrorAsync(PlatformReply reply, string operation, RateBudget[] throttled, TimeSpan pause, string? token)
    {
        var errcode = reply.Number("errcode");
        if (reply.IsSuccess && errcode is 0 or AllRecipientsInvalid)
        {
            return;
        }

        if (errcode is { } code && ThrottleCodes.Contains(code))
        {
            throw await _platform.ThrottledAsync(throttled, operation, pause, $"throttled ({PlatformClient.ErrorCode(reply)})");
        }

        if (token is not null && errcode is { } tokenCode && TokenCodes.Contains(tokenCode))
        {
            throw _platform.TokenRejected(token, operation, PlatformClient.ErrorCode(reply));
        }

        throw _platform.Refused(operation, reply, PlatformClient.ErrorCode(reply));
    }

    private async Task<AccessToken> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(_options.ApiBaseUrl, $"cgi-bin/gettoken?corpid={Uri.EscapeDataString(_options.CorpId!)}&corpsecret={Uri.EscapeDataString(_options.Secret!)}");
        var reply = await _platform.GetAsync(url, "gettoken", cancellationToken);
        var token = reply.Text("access_token");
        var expiresIn = reply.Number("expires_in");
        if (!reply.IsSuccess || reply.Number("errcode") is not (null or 0) || string.IsNullOrEmpty(token) || expiresIn is null or <= 0)
        {
            throw _platform.Refused("gettoken", reply, PlatformClient.ErrorCode(reply));
        }

        return new AccessToken(token, TimeSpan.FromSeconds(expiresIn.Value));
    }
}
