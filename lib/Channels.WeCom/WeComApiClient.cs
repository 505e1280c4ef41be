using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PartyAffairs.Channels.Delivery;

namespace PartyAffairs.Channels.WeCom;

/// <summary>
/// Every call the bot makes to WeCom: app messages (<c>message/send</c>, up to 1000 recipients a call), group robot
/// notices and the contacts' member detail (for binding by mobile number). The shared <see cref="PlatformClient"/>
/// caches the access token and retries; this class keeps WeCom's endpoints, payloads and errcodes. Calls wait for the
/// app gate, each recipient's gate (30 a minute, 1000 an hour) or the robot's gate (20 a minute); throttle answers
/// pause the gate and are retried with back-off.
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
    private readonly ConcurrentDictionary<string, SendWindowGate> _memberGates = new(StringComparer.Ordinal);

    public WeComApiClient(IHttpClientFactory httpFactory, IOptions<WeComOptions> options, TimeProvider time, ILogger<WeComApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _platform = new PlatformClient(httpFactory, HttpClientName, FetchTokenAsync, _options, time, logger);
    }

    /// <summary>Paces API calls of the whole app.</summary>
    public SendWindowGate AppGate => _platform.AppGate;

    /// <summary>Paces the group robot (20 a minute).</summary>
    public SendWindowGate GroupRobotGate => _platform.GroupRobotGate;

    /// <summary>
    /// Sends a text app message to members (split into parts of at most 2048 bytes, batches of
    /// <see cref="WeComOptions.BatchSize"/>). Returns the userids it did not reach, each with the final failure: ids WeCom
    /// refused and batches that still failed after the retries.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ChannelDeliveryException>> SendTextAsync(IReadOnlyList<string> userIds, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(text);
        var failures = new Dictionary<string, ChannelDeliveryException>(StringComparer.Ordinal);
        foreach (var part in Utf8TextSplitter.Split(text, MaxTextBytes))
        {
            foreach (var batch in userIds.Distinct(StringComparer.Ordinal).Where(id => !failures.ContainsKey(id)).Order(StringComparer.Ordinal).Chunk(_options.BatchSize))
            {
                var body = new JsonObject
                {
                    ["touser"] = string.Join('|', batch),
                    ["msgtype"] = "text",
                    ["agentid"] = _options.AgentId,
                    ["text"] = new JsonObject { ["content"] = part },
                    ["safe"] = 0,
                };
                try
                {
                    await _platform.RetryAsync(async ct =>
                    {
                        var reply = await CallAppApiAsync(batch, body, ct);
                        var refused = reply.Number("errcode") == AllRecipientsInvalid
                            ? batch
                            : ((string[])["invaliduser", "unlicenseduser"]).SelectMany(f => (reply.Text(f) ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries));
                        foreach (var id in refused)
                        {
                            failures[id] = new ChannelDeliveryException("wecom message/send: userid refused.", isTransient: false);
                        }
                    }, cancellationToken);
                }
                catch (ChannelDeliveryException e)
                {
                    foreach (var id in batch)
                    {
                        failures.TryAdd(id, e);
                    }
                }
            }
        }

        return failures;
    }

    /// <summary>Posts a group robot notice, as markdown (parts of 4096 bytes) or text (2048), at most 20 a minute.</summary>
    public async Task PostGroupNoticeAsync(string text, bool markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var webhook = _options.GroupWebhookUrl ?? throw new ChannelDeliveryException("wecom group robot is not configured.", isTransient: false);
        foreach (var part in Utf8TextSplitter.Split(text, markdown ? MaxMarkdownBytes : MaxTextBytes))
        {
            var body = markdown
                ? new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = part } }
                : new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = part } };
            await _platform.RetryAsync(async ct =>
            {
                var reply = await _platform.SendThroughAsync(GroupRobotGate, c => _platform.PostJsonAsync(webhook, body, "groupRobot", c), "groupRobot", ct);
                ThrowOnError(reply, "groupRobot", GroupRobotGate, _options.GroupRobotWindow, token: null);
            }, cancellationToken);
        }
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
            AppGate,
            (token, ct) => _platform.GetAsync(new Uri(_options.ApiBaseUrl, $"cgi-bin/user/get?access_token={Uri.EscapeDataString(token)}&userid={Uri.EscapeDataString(userId)}"), operation, ct),
            TokenCodes,
            operation,
            cancellationToken);
        return reply.Text("mobile") is { } mobile && !string.IsNullOrWhiteSpace(mobile) ? mobile : null;
    }

    public void Dispose()
    {
        _platform.Dispose();
        foreach (var gate in _memberGates.Values)
        {
            gate.Dispose();
        }
    }

    private async Task<PlatformReply> CallAppApiAsync(string[] recipients, JsonObject body, CancellationToken cancellationToken)
    {
        var token = await _platform.TokenAsync(cancellationToken);
        var leases = new List<IDisposable>(recipients.Length);
        PlatformReply reply;
        try
        {
            // Recipients in a fixed (sorted) order, so two batches never wait on each other's gates.
            foreach (var recipient in recipients)
            {
                leases.Add(await MemberGate(recipient).EnterAsync(cancellationToken));
            }

            var url = new Uri(_options.ApiBaseUrl, "cgi-bin/message/send?access_token=" + Uri.EscapeDataString(token));
            reply = await _platform.SendThroughAsync(AppGate, ct => _platform.PostJsonAsync(url, body, "message/send", ct), "message/send", cancellationToken);
        }
        finally
        {
            foreach (var lease in leases)
            {
                lease.Dispose();
            }
        }

        ThrowOnError(reply, "message/send", AppGate, _options.AppWindow, token);
        return reply;
    }

    private SendWindowGate MemberGate(string userId) => _memberGates.GetOrAdd(userId, _ => new SendWindowGate(
        _platform.Time,
        new SendRule(_options.MemberLimitPerMinute, TimeSpan.FromMinutes(1)),
        new SendRule(_options.MemberLimitPerHour, TimeSpan.FromHours(1))));

    private void ThrowOnError(PlatformReply reply, string operation, SendWindowGate gate, TimeSpan pause, string? token)
    {
        var errcode = reply.Number("errcode");
        if (reply.IsSuccess && errcode is 0 or AllRecipientsInvalid)
        {
            return;
        }

        if (errcode is { } code && ThrottleCodes.Contains(code))
        {
            throw _platform.Throttled(gate, operation, pause, $"throttled ({PlatformClient.ErrorCode(reply)})");
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
