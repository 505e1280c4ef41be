using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace PartyAffairs.BotFramework.Connector;

/// <summary>Gets the bot's own access token (client credentials) for calls to channels, cached until shortly before it expires.</summary>
internal sealed class BotTokenProvider(IHttpClientFactory httpClients, IOptions<BotFrameworkOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>The named <see cref="HttpClient"/> used for token requests.</summary>
    public const string HttpClientName = "BotFramework.Token";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt;

    /// <summary>A valid bearer token, or null when authentication is off (no app id).</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsAuthenticationEnabled)
        {
            return null;
        }

        if (_token is { } cached && time.GetUtcNow() < _refreshAt)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } again && time.GetUtcNow() < _refreshAt)
            {
                return again;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, settings.TokenEndpoint)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = settings.MicrosoftAppId!,
                    ["client_secret"] = settings.MicrosoftAppPassword ?? string.Empty,
                    ["scope"] = settings.OAuthScope,
                }),
            };
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
            }

            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new HttpRequestException("The token endpoint sent no token.");
            if (string.IsNullOrEmpty(body.AccessToken))
            {
                throw new HttpRequestException("The token endpoint sent no token.");
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(body.ExpiresIn, 0));
            // Refresh five minutes early, or halfway through a short-lived token.
            var margin = lifetime > TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(5) : lifetime / 2;
            _token = body.AccessToken;
            _refreshAt = time.GetUtcNow() + lifetime - margin;
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
