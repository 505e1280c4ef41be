using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using PartyAffairs.Delivery.Tokens;

namespace PartyAffairs.BotFramework.Connector;

/// <summary>
/// Gets the bot's own access token (client credentials) for calls to channels, kept in the shared
/// <see cref="AccessTokenCache"/> until shortly before it expires; a token a channel rejected is dropped
/// (<see cref="Invalidate"/>), so the next call fetches a new one.
/// </summary>
internal sealed class BotTokenProvider : IDisposable
{
    /// <summary>The named <see cref="HttpClient"/> used for token requests.</summary>
    public const string HttpClientName = "BotFramework.Token";

    private readonly IHttpClientFactory _httpClients;
    private readonly IOptions<BotFrameworkOptions> _options;
    private readonly AccessTokenCache _cache;

    public BotTokenProvider(IHttpClientFactory httpClients, IOptions<BotFrameworkOptions> options, TimeProvider time)
    {
        _httpClients = httpClients;
        _options = options;
        _cache = new AccessTokenCache(FetchAsync, time);
    }

    /// <summary>A valid bearer token, or null when authentication is off (no app id).</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        _options.Value.IsAuthenticationEnabled ? await _cache.GetAsync(cancellationToken) : null;

    /// <summary>Drops <paramref name="token"/> after a channel answered 401 to it; the next call fetches a new one.</summary>
    public void Invalidate(string token) => _cache.Invalidate(token);

    public void Dispose() => _cache.Dispose();

    private async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = _options.Value;
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
        using var response = await _httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
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

        return new AccessToken(body.AccessToken, TimeSpan.FromSeconds(Math.Max(body.ExpiresIn, 0)));
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
