using System.Net;
using System.Text.Json;

namespace PartyAffairs.Channels.Delivery;

/// <summary>
/// One HTTP call to a platform: network faults and time-outs become transient <see cref="ChannelDeliveryException"/>s;
/// 429 and 5xx become transient failures carrying Retry-After. Messages name the operation only (URLs carry secrets).
/// </summary>
internal static class PlatformHttp
{
    private const int MaxResponseBytes = 1024 * 1024;

    /// <summary>Sends the request and reads a JSON answer; throws for network faults, 429 and 5xx.</summary>
    public static async Task<PlatformReply> SendAsync(HttpClient http, HttpRequestMessage request, string operation, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        PlatformReply reply;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
                _ => (TimeSpan?)null,
            };
            reply = new PlatformReply(response.StatusCode, await ReadJsonAsync(response, cancellationToken), retryAfter);
        }
        catch (HttpRequestException e)
        {
            throw new ChannelDeliveryException($"{operation}: network error ({e.HttpRequestError}).", isTransient: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelDeliveryException($"{operation}: timed out.", isTransient: true);
        }

        if (reply.Status == HttpStatusCode.TooManyRequests || (int)reply.Status >= 500)
        {
            throw new ChannelDeliveryException($"{operation}: HTTP {(int)reply.Status}.", isTransient: true, reply.RetryAfter);
        }

        return reply;
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxResponseBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
