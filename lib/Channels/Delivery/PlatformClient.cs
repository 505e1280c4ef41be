using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Polly;

namespace PartyAffairs.Channels.Delivery;

/// <summary>
/// What every token-cached platform client shares: the platform's named HttpClient, one access token cached until it
/// expires, the retry pipeline, the app's and the group robot's rate gates (paused when the platform throttles), and failure logs that name the
/// operation only (URLs carry tokens and keys). Each platform composes one and keeps only what differs: endpoints,
/// payload shapes and error codes.
/// </summary>
public sealed class PlatformClient : IDisposable
{
    private readonly IHttpClientFactory _httpFactory;
    private readonly ILogger _logger;
    private readonly AccessTokenCache _token;
    private readonly ResiliencePipeline _retry;

    /// <summary>
    /// A client for <paramref name="channel"/> (also the name of its HttpClient), paced and retried as
    /// <paramref name="options"/> say; <paramref name="fetchToken"/> obtains a new access token and is called only when
    /// none is cached.
    /// </summary>
    public PlatformClient(
        IHttpClientFactory httpFactory,
        string channel,
        Func<CancellationToken, Task<AccessToken>> fetchToken,
        PlatformOptions options,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(httpFactory);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(fetchToken);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _httpFactory = httpFactory;
        _logger = logger;
        Channel = channel;
        Time = time;
        _token = new AccessTokenCache(fetchToken, time);
        _retry = DeliveryRetry.Create(options.Retry, time);
        AppGate = new SendWindowGate(time, new SendRule(options.AppLimit, options.AppWindow));
        GroupRobotGate = new SendWindowGate(time, new SendRule(options.GroupRobotLimit, options.GroupRobotWindow));
    }

    /// <summary>Paces the app's API calls (all of them, whatever the endpoint).</summary>
    public SendWindowGate AppGate { get; }

    /// <summary>Paces the group robot webhook (20 a minute on both platforms).</summary>
    public SendWindowGate GroupRobotGate { get; }

    /// <summary>The channel id, as used in logs and failure messages.</summary>
    public string Channel { get; }

    /// <summary>The clock gates and Retry-After dates are read from.</summary>
    public TimeProvider Time { get; }

    /// <summary>A valid access token (cached; fetched when missing or about to expire).</summary>
    public Task<string> TokenAsync(CancellationToken cancellationToken) => _token.GetAsync(cancellationToken);

    /// <summary>Drops a token the platform rejected; the returned failure is transient and retried at once.</summary>
    public ChannelDeliveryException TokenRejected(string token, string operation, string? code = null)
    {
        _token.Invalidate(token);
        return new ChannelDeliveryException($"{Channel} {operation}: access token rejected{(string.IsNullOrEmpty(code) ? string.Empty : $" ({code})")}.", isTransient: true, TimeSpan.Zero);
    }

    /// <summary>
    /// One errcode-style query through <paramref name="gate"/> with the cached token, without the retry pipeline (for
    /// look-ups that must answer quickly). An errcode in <paramref name="tokenCodes"/> drops the token and the query is
    /// made once more with a fresh one; any other non-zero errcode or HTTP failure throws a final failure.
    /// </summary>
    public async Task<PlatformReply> QueryAsync(
        SendWindowGate gate,
        Func<string, CancellationToken, Task<PlatformReply>> send,
        IReadOnlyCollection<long> tokenCodes,
        string operation,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(tokenCodes);
        for (var attempt = 0; ; attempt++)
        {
            var token = await TokenAsync(cancellationToken);
            var reply = await SendThroughAsync(gate, ct => send(token, ct), operation, cancellationToken);
            var errcode = reply.Number("errcode");
            if (errcode is { } code && tokenCodes.Contains(code))
            {
                var rejected = TokenRejected(token, operation, ErrorCode(reply));
                if (attempt == 0)
                {
                    continue;
                }

                throw rejected;
            }

            if (!reply.IsSuccess || errcode is not 0)
            {
                throw Refused(operation, reply, ErrorCode(reply));
            }

            return reply;
        }
    }

    /// <summary>Pauses <paramref name="gate"/> for <paramref name="wait"/> and returns the transient failure to retry after it.</summary>
    public ChannelDeliveryException Throttled(SendWindowGate gate, string operation, TimeSpan wait, string detail)
    {
        Pause(gate, operation, wait);
        return new ChannelDeliveryException($"{Channel} {operation}: {detail}.", isTransient: true, wait);
    }

    /// <summary>A final (not retried) failure naming the HTTP status and the platform's error code.</summary>
    public ChannelDeliveryException Refused(string operation, PlatformReply reply, string? code)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return new ChannelDeliveryException($"{Channel} {operation}: HTTP {(int)reply.Status}, errcode {(string.IsNullOrEmpty(code) ? "none" : code)}.", isTransient: false);
    }

    /// <summary>The numeric errcode of a reply as text, for failure messages.</summary>
    public static string? ErrorCode(PlatformReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Number("errcode")?.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Stops <paramref name="gate"/> admitting sends for <paramref name="wait"/> (logged).</summary>
    public void Pause(SendWindowGate gate, string operation, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ChannelLog.Throttled(_logger, Channel, operation, wait.TotalSeconds);
        gate.PauseUntil(Time.GetUtcNow() + wait);
    }

    /// <summary>Runs <paramref name="attempt"/> in the retry pipeline (transient failures retried with back-off).</summary>
    public Task RetryAsync(Func<CancellationToken, ValueTask> attempt, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(attempt, cancellationToken).AsTask();

    /// <summary>
    /// One call through <paramref name="gate"/>: waits for it, sends, and pauses it when the platform answered with
    /// Retry-After (429 / 5xx); the failure is rethrown for the retry pipeline.
    /// </summary>
    public async Task<PlatformReply> SendThroughAsync(SendWindowGate gate, Func<CancellationToken, Task<PlatformReply>> send, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(send);
        using (await gate.EnterAsync(cancellationToken))
        {
            try
            {
                return await send(cancellationToken);
            }
            catch (ChannelDeliveryException e) when (e.RetryAfter is { } wait && wait > TimeSpan.Zero)
            {
                Pause(gate, operation, wait);
                throw;
            }
        }
    }

    /// <summary>POSTs <paramref name="body"/> as JSON (Chinese unescaped) with optional extra headers.</summary>
    public async Task<PlatformReply> PostJsonAsync(Uri url, JsonNode body, string operation, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: PlatformJson.Options) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await SendAsync(request, operation, cancellationToken);
    }

    /// <summary>GETs <paramref name="url"/>.</summary>
    public async Task<PlatformReply> GetAsync(Uri url, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(request, operation, cancellationToken);
    }

    /// <summary>Sends one request (see <see cref="PlatformHttp.SendAsync"/>); failures are logged by operation only.</summary>
    public async Task<PlatformReply> SendAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await PlatformHttp.SendAsync(_httpFactory.CreateClient(Channel), request, $"{Channel} {operation}", Time, cancellationToken);
        }
        catch (ChannelDeliveryException e)
        {
            ChannelLog.SendFailed(_logger, Channel, operation, e.Message);
            throw;
        }
    }

    /// <summary>Releases the send gates and the token cache.</summary>
    public void Dispose()
    {
        _token.Dispose();
        AppGate.Dispose();
        GroupRobotGate.Dispose();
    }
}
