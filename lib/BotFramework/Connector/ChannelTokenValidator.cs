using System.Collections;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.Connector;

/// <summary>
/// Checks the JWT a channel sends with each activity (protocols.md §2.5): signature against the keys of the configured
/// OpenID metadata, issuer, audience (the app id), lifetime with 5 minutes of skew, the <c>serviceurl</c> claim and the
/// signing key's channel endorsements.
/// </summary>
internal sealed class ChannelTokenValidator
{
    /// <summary>The named <see cref="HttpClient"/> used to fetch metadata and keys.</summary>
    public const string HttpClientName = "BotFramework.Metadata";

    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotFrameworkOptions _options;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _metadata;

    public ChannelTokenValidator(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClients, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        if (_options.IsAuthenticationEnabled)
        {
            var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = _options.RequireHttpsMetadata };
            _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(_options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
            {
                AutomaticRefreshInterval = TimeSpan.FromHours(24),
            };
        }
    }

    /// <summary>Checks the <c>Authorization</c> header of a request that carries <paramref name="activity"/>.</summary>
    public async Task<ChannelAuthenticationResult> ValidateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (_metadata is null)
        {
            return ChannelAuthenticationResult.Accepted;
        }

        if (!TryGetBearer(authorization, out var token))
        {
            return new ChannelAuthenticationResult(StatusCodes.Status401Unauthorized, "No bearer token.");
        }

        if (!_handler.CanReadToken(token))
        {
            return new ChannelAuthenticationResult(StatusCodes.Status401Unauthorized, "Malformed token.");
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // The key source is unreachable: the request cannot be proven authentic.
            return new ChannelAuthenticationResult(StatusCodes.Status401Unauthorized, "Signing keys unavailable.");
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(configuration));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // A key rollover: fetch the keys again once.
            _metadata.RequestRefresh();
            configuration = await _metadata.GetConfigurationAsync(cancellationToken);
            result = await _handler.ValidateTokenAsync(token, Parameters(configuration));
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return new ChannelAuthenticationResult(StatusCodes.Status401Unauthorized, result.Exception?.GetType().Name ?? "Invalid token.");
        }

        if (jwt.TryGetPayloadValue<string>("serviceurl", out var serviceUrl) is false
            || !string.Equals(serviceUrl?.TrimEnd('/'), activity.ServiceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return new ChannelAuthenticationResult(StatusCodes.Status403Forbidden, "The serviceurl claim does not match the activity.");
        }

        if (!string.IsNullOrEmpty(activity.ChannelId) && Endorsements(configuration, jwt.Kid) is { } endorsements
            && !endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return new ChannelAuthenticationResult(StatusCodes.Status403Forbidden, "The signing key is not endorsed for this channel.");
        }

        return ChannelAuthenticationResult.Accepted;
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuers = _options.ValidIssuers,
        ValidAudience = _options.MicrosoftAppId,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = Algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromMinutes(5),
        LifetimeValidator = ValidateLifetime,
    };

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + parameters.ClockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - parameters.ClockSkew);
    }

    /// <summary>The channels the signing key is endorsed for, or null when the key lists none.</summary>
    private static List<string>? Endorsements(OpenIdConnectConfiguration configuration, string? kid)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return null;
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(e => e.ToString())],
            string single => [single],
            IEnumerable list => [.. list.Cast<object?>().Select(o => o?.ToString() ?? string.Empty)],
            _ => [],
        };
    }

    private static bool TryGetBearer(string? authorization, out string token)
    {
        token = string.Empty;
        var parts = authorization?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not [var scheme, var value] || !scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = value;
        return true;
    }
}
