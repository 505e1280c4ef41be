using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Channels.Delivery;
using Polly;

namespace PartyAffairs.Bot.Channels.WeCom;

/// <summary>
/// Every call the bot makes to WeCom: app messages (<c>message/send</c>, up to 1000 recipients a call, access token
/// cached until it expires) and group robot notices. Calls wait for the app gate, each recipient's gate (30 a minute,
/// 1000 an hour) or the robot's gate (20 a minute); throttle answers pause the gate and are retried with back-off.
/// </summary>
public sealed class WeComApiClient : IDisposable
{
    /// <summary>Name of the HttpClient this client uses.</summary>
    public const string HttpClientName = "wecom";

    /// <summary>Largest app text message and group robot text, in UTF-8 bytes.</summary>
    public const int MaxTextBytes = 2048;

    /// <summary>Largest group robot markdown message, in UTF-8 bytes.</summary>
    public const int MaxMarkdownBytes = 4096;

    private const string Channel = "wecom";
    private static readonly long[] ThrottleCodes = [-1, 45009, 45011, 45033];
    private static readonly long[] TokenCodes = [40014, 41001, 42001];
    private const long AllRecipientsInvalid = 81013;

    private readonly IHttpClientFactory _httpFactory;
    private readonly WeComOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WeComApiClient> _logger;
    private readonly AccessTokenCache _token;
    private readonly ResiliencePipeline _retry;
    private readonly ConcurrentDictionary<string, SendWindowGate> _memberGates = new(StringComparer.Ordinal);

    public WeComApiClient(IHttpClientFactory httpFactory, IOptions<WeComOptions> options, TimeProvider time, ILogger<WeComApiClient> logger)
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

    /// <summary>Paces API calls of the whole app.</summary>
    public SendWindowGate AppGate { get; }

    /// <summary>Paces the group robot (20 a minute).</summary>
    public SendWindowGate GroupRobotGate { get; }

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
                    await _retry.ExecuteAsync(async ct =>
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
            await _retry.ExecuteAsync(async ct =>
            {
                PlatformReply reply;
                using (await GroupRobotGate.EnterAsync(ct))
                {
                    try
                    {
                        reply = await PostAsync(webhook, body, "groupRobot", ct);
                    }
                    catch (ChannelDeliveryException e) when (e.RetryAfter is { } wait && wait > TimeSpan.Zero)
                    {
                        GroupRobotGate.PauseUntil(_time.GetUtcNow() + wait);
                        throw;
                    }
                }

                ThrowOnError(reply, "groupRobot", GroupRobotGate, _options.GroupRobotWindow, token: null);
            }, cancellationToken);
        }
    }

    public void Dispose()
    {
        _token.Dispose();
        AppGate.Dispose();
        GroupRobotGate.Dispose();
        foreach (var gate in _memberGates.Values)
        {
            gate.Dispose();
        }
    }

    private async Task<PlatformReply> CallAppApiAsync(string[] recipients, JsonObject body, CancellationToken cancellationToken)
    {
        var token = await _token.GetAsync(cancellationToken);
        var leases = new List<IDisposable>(recipients.Length + 1);
        PlatformReply reply;
        try
        {
            // Recipients in a fixed (sorted) order, so two batches never wait on each other's gates.
            foreach (var recipient in recipients)
            {
                leases.Add(await MemberGate(recipient).EnterAsync(cancellationToken));
            }

            leases.Add(await AppGate.EnterAsync(cancellationToken));
            var url = new Uri(_options.ApiBaseUrl, "cgi-bin/message/send?access_token=" + Uri.EscapeDataString(token));
            reply = await PostAsync(url, body, "message/send", cancellationToken);
        }
        catch (ChannelDeliveryException e) when (e.RetryAfter is { } wait && wait > TimeSpan.Zero)
        {
            AppGate.PauseUntil(_time.GetUtcNow() + wait);
            throw;
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
        _time,
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
            ChannelLog.Throttled(_logger, Channel, operation, pause.TotalSeconds);
            gate.PauseUntil(_time.GetUtcNow() + pause);
            throw new ChannelDeliveryException($"wecom {operation}: throttled ({code}).", isTransient: true, pause);
        }

        if (token is not null && errcode is { } tokenCode && TokenCodes.Contains(tokenCode))
        {
            _token.Invalidate(token);
            throw new ChannelDeliveryException($"wecom {operation}: access token rejected ({tokenCode}).", isTransient: true, TimeSpan.Zero);
        }

        throw new ChannelDeliveryException($"wecom {operation}: HTTP {(int)reply.Status}, errcode {errcode?.ToString(CultureInfo.InvariantCulture) ?? "none"}.", isTransient: false);
    }

    private async Task<AccessToken> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(_options.ApiBaseUrl, $"cgi-bin/gettoken?corpid={Uri.EscapeDataString(_options.CorpId!)}&corpsecret={Uri.EscapeDataString(_options.Secret!)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var reply = await SendAsync(request, "gettoken", cancellationToken);
        var token = reply.Text("access_token");
        var expiresIn = reply.Number("expires_in");
        if (!reply.IsSuccess || reply.Number("errcode") is not (null or 0) || string.IsNullOrEmpty(token) || expiresIn is null or <= 0)
        {
            throw new ChannelDeliveryException($"wecom gettoken: HTTP {(int)reply.Status}, errcode {reply.Number("errcode")?.ToString(CultureInfo.InvariantCulture) ?? "none"}.", isTransient: false);
        }

        return new AccessToken(token, TimeSpan.FromSeconds(expiresIn.Value));
    }

    private async Task<PlatformReply> PostAsync(Uri url, JsonObject body, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: PlatformJson.Options) };
        return await SendAsync(request, operation, cancellationToken);
    }

    private async Task<PlatformReply> SendAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await PlatformHttp.SendAsync(_httpFactory.CreateClient(HttpClientName), request, $"wecom {operation}", _time, cancellationToken);
        }
        catch (ChannelDeliveryException e)
        {
            ChannelLog.SendFailed(_logger, Channel, operation, e.Message);
            throw;
        }
    }
}
