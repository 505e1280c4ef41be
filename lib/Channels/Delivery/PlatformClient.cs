using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartyAffairs.Delivery.Pacing;
using PartyAffairs.Delivery.Tokens;

namespace PartyAffairs.Channels.Delivery;

/// <summary>
/// What every token-cached platform client shares: the platform's named HttpClient, one access token cached until it
/// expires (a rejected one is dropped), the platform's budgets on the shared rate limiter (every call takes a permit of
/// the app's budget, or of the group robot's, and whatever else it names), pauses of those budgets for every instance
/// when the platform throttles or says Retry-After, and failure logs that name the operation only (URLs carry tokens and
/// keys). Calls are single attempts: the one retry layer lives with whoever delivers (<c>DeliveryRetry</c>). Each platform
/// composes one and keeps only what differs: endpoints, payload shapes and error codes.
/// </summary>
public sealed class PlatformClient : IDisposable
{
    private readonly IHttpClientFactory _httpFactory;
    private readonly ILogger _logger;
    private readonly AccessTokenCache _token;

    /// <summary>
    /// A client for <paramref name="channel"/> (also the name of its HttpClient), paced as <paramref name="options"/> say
    /// on <paramref name="limiter"/>; <paramref name="fetchToken"/> obtains a new access token and is called only when none
    /// is cached (it takes a permit of the app's budget too).
    /// </summary>
    public PlatformClient(
        IHttpClientFactory httpFactory,
        string channel,
        Func<CancellationToken, Task<AccessToken>> fetchToken,
        PlatformOptions options,
        SharedRateLimiter limiter,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(httpFactory);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(fetchToken);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _httpFactory = httpFactory;
        _logger = logger;
        Channel = channel;
        Limiter = limiter;
        Time = time;
        AppBudget = new RateBudget(ChannelRateKeys.App(channel), new RateRule(options.AppLimit, options.AppWindow));
        GroupRobotBudget = new RateBudget(ChannelRateKeys.GroupRobot(channel), new RateRule(options.GroupRobotLimit, options.GroupRobotWindow));
        _token = new AccessTokenCache(
            async ct =>
            {
                using var permit = await Limiter.AcquireAsync([AppBudget], ct);
                return await fetchToken(ct);
            },
            time);
    }

    /// <summary>Every API call of the app (whatever the endpoint), shared by all instances.</summary>
    public RateBudget AppBudget { get; }

    /// <summary>The group robot webhook (20 a minute on both platforms).</summary>
    public RateBudget GroupRobotBudget { get; }

    /// <summary>The shared pacer.</summary>
    public SharedRateLimiter Limiter { get; }

    /// <summary>The channel id, as used in logs and failure messages.</summary>
    public string Channel { get; }

    /// <summary>The clock Retry-After dates are read from.</summary>
    public TimeProvider Time { get; }

    /// <summary>A valid access token (cached; fetched when missing or about to expire).</summary>
    public Task<string> TokenAsync(CancellationToken cancellationToken) => _token.GetAsync(cancellationToken);

    /// <summary>Drops a token the platform rejected; the returned failure is transient, to be retried at once with a new token.</summary>
    public ChannelDeliveryException TokenRejected(string token, string operation, string? code = null)
    {
        _token.Invalidate(token);
        return new ChannelDeliveryException($"{Channel} {operation}: access token rejected{(string.IsNullOrEmpty(code) ? string.Empty : $" ({code})")}.", isTransient: true, TimeSpan.Zero);
    }

    /// <summary>
    /// One errcode-style query through the app's budget with the cached token (for look-ups that must answer quickly).
    /// An errcode in <paramref name="tokenCodes"/> drops the token and the query is made once more with a fresh one; any
    /// other non-zero errcode or HTTP failure throws a final failure.
    /// </summary>
    public async Task<PlatformReply> QueryAsync(
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
            var reply = await CallAsync([AppBudget], ct => send(token, ct), operation, cancellationToken);
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

    /// <summary>Pauses <paramref name="budgets"/> for every instance for <paramref name="wait"/> and returns the transient failure to retry after it.</summary>
    public async Task<ChannelDeliveryException> ThrottledAsync(IReadOnlyList<RateBudget> budgets, string operation, TimeSpan wait, string detail)
    {
        await PauseAsync(budgets, operation, wait);
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

    /// <summary>Stops <paramref name="budgets"/> admitting requests of any instance for <paramref name="wait"/> (logged).</summary>
    public Task PauseAsync(IReadOnlyList<RateBudget> budgets, string operation, TimeSpan wait)
    {
        ChannelLog.Throttled(_logger, Channel, operation, wait.TotalSeconds);
        return Limiter.PauseAsync(budgets, wait);
    }

    /// <summary>
    /// One call: waits for a permit of every budget in <paramref name="budgets"/> (held while the request is on the
    /// wire), sends, and pauses the budgets for every instance when the platform answered with Retry-After (429 / 5xx);
    /// the failure is rethrown for the caller's retry layer.
    /// </summary>
    public async Task<PlatformReply> CallAsync(IReadOnlyList<RateBudget> budgets, Func<CancellationToken, Task<PlatformReply>> send, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        ArgumentNullException.ThrowIfNull(send);
        using (await Limiter.AcquireAsync(budgets, cancellationToken))
        {
            try
            {
                return await send(cancellationToken);
            }
            catch (ChannelDeliveryException e) when (e.RetryAfter is { } wait && wait > TimeSpan.Zero)
            {
                await PauseAsync(budgets, operation, wait);
                throw;
            }
        }
    }

    /// <summary>POSTs <paramref name="body"/> as JSON (Chinese unescaped) with optional extra headers; not paced (call it inside <see cref="CallAsync"/>).</summary>
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

    /// <summary>GETs <paramref name="url"/>; not paced (call it inside <see cref="CallAsync"/>).</summary>
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

    /// <summary>Releases the token cache.</summary>
    public void Dispose() => _token.Dispose();
}
