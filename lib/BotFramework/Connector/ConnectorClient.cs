using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.Connector;

/// <summary>
/// Sends activities to a channel's Connector REST API at the activity's <c>serviceUrl</c> (protocols.md §2.2), one attempt
/// per call: the caller's retry layer decides on a transient <see cref="ConnectorException"/>. A 401 drops the bot token,
/// so the next call fetches a new one.
/// </summary>
public sealed class ConnectorClient
{
    /// <summary>The named <see cref="HttpClient"/> used for calls to channels.</summary>
    public const string HttpClientName = "BotFramework.Connector";

    private readonly IHttpClientFactory _httpClients;
    private readonly BotTokenProvider _tokens;
    private readonly ServiceUrlPolicy _serviceUrls;
    private readonly TimeProvider _time;

    internal ConnectorClient(IHttpClientFactory httpClients, BotTokenProvider tokens, ServiceUrlPolicy serviceUrls, TimeProvider time)
    {
        _httpClients = httpClients;
        _tokens = tokens;
        _serviceUrls = serviceUrls;
        _time = time;
    }

    /// <summary>ReplyToActivity when <see cref="Activity.ReplyToId"/> is set, else SendToConversation.</summary>
    /// <exception cref="ConnectorException">The channel refused the activity or could not be reached.</exception>
    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var uri = ActivitiesUri(activity);
        if (!_serviceUrls.IsAllowed(activity.ServiceUrl))
        {
            throw new ConnectorException($"The serviceUrl host {uri.Host} is not allowed (BotFramework:AllowedServiceUrlHosts).", isTransient: false);
        }

        activity.Id = null;

        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        HttpResponseMessage response;
        string? token;
        try
        {
            token = await _tokens.GetTokenAsync(cancellationToken);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            response = await _httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ConnectorException($"The channel at {uri.Host} could not be reached: {e.Message}", isTransient: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorException($"The channel at {uri.Host} did not answer in time.", isTransient: true);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null)
            {
                // The channel no longer accepts the bot's token (revoked, secret rotated): the next call fetches a new one.
                _tokens.Invalidate(token);
                throw new ConnectorException("The channel rejected the bot's token (401).", isTransient: true, TimeSpan.Zero);
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = response.StatusCode;
                var transient = status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;
                throw new ConnectorException($"The channel answered {(int)status}.", transient, RetryAfter(response));
            }

            return await ReadResourceResponseAsync(response, cancellationToken);
        }
    }

    /// <summary>The Connector URL for the activity; ids are escaped because they contain <c>|</c> and other reserved characters.</summary>
    internal static Uri ActivitiesUri(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || serviceUrl.Scheme is not ("http" or "https"))
        {
            throw new ConnectorException("The activity has no valid serviceUrl.", isTransient: false);
        }

        if (string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            throw new ConnectorException("The activity has no conversation id.", isTransient: false);
        }

        var path = $"{activity.ServiceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(activity.Conversation.Id)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }

        return new Uri(path);
    }

    private static async Task<ResourceResponse> ReadResourceResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0)
        {
            return new ResourceResponse(null);
        }

        try
        {
            return JsonSerializer.Deserialize<ResourceResponse>(body, BotJson.Options) ?? new ResourceResponse(null);
        }
        catch (JsonException)
        {
            // Channels that return no ids may answer with any body; the send itself succeeded.
            return new ResourceResponse(null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _time.GetUtcNow(),
            _ => null,
        };
}
