using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.BotFramework.Tests.Fakes;

/// <summary>
/// The Bot Framework token services on loopback: an OpenID metadata document and JWKS with locally generated RSA keys
/// (with channel endorsements, as login.botframework.com publishes them), and a client-credentials token endpoint that
/// checks what the bot sends and counts how often it is asked.
/// </summary>
internal sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string AppId = "00000000-0000-0000-0000-00000000a99d";
    public const string AppPassword = "test-app-password";
    public const string KeyId = "test-key-1";

    private static readonly string[] SigningAlgorithms = ["RS256"];
    private static readonly string[] AuthMethods = ["private_key_jwt"];
    private static readonly string[] Endorsements = ["emulator", "msteams", "webchat"];

    private readonly LoopbackServer _server;
    private readonly StrongBox<int> _tokenRequests;

    private FakeIdentityProvider(LoopbackServer server, RSA key, StrongBox<int> tokenRequests)
    {
        _server = server;
        SigningKey = new RsaSecurityKey(key) { KeyId = KeyId };
        _tokenRequests = tokenRequests;
    }

    public RsaSecurityKey SigningKey { get; }

    public string MetadataUrl => new Uri(_server.Address, "/v1/.well-known/openidconfiguration").ToString();

    public string TokenEndpoint => new Uri(_server.Address, "/oauth2/v2.0/token").ToString();

    public int TokenRequests => Volatile.Read(ref _tokenRequests.Value);

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = KeyId });
        var counter = new StrongBox<int>();
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext context) => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = $"{context.Request.Scheme}://{context.Request.Host}/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
                ["token_endpoint_auth_methods_supported"] = AuthMethods,
            }));
            app.MapGet("/v1/.well-known/keys", () => Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", kid = KeyId, n = jwk.N, e = jwk.E, endorsements = Endorsements },
                },
            }));
            app.MapPost("/oauth2/v2.0/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                if (form["grant_type"] != "client_credentials" || form["client_id"] != AppId || form["client_secret"] != AppPassword
                    || form["scope"] != "https://api.botframework.com/.default")
                {
                    return Results.Json(new { error = "invalid_client" }, statusCode: 401);
                }

                var n = Interlocked.Increment(ref counter.Value);
                return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = $"bot-token-{n}" });
            });
        });
        return new FakeIdentityProvider(server, rsa, counter);
    }

    /// <summary>A channel token as Azure Bot Service would send it; each argument can be spoiled for negative tests.</summary>
    public string CreateChannelToken(
        string serviceUrl, string issuer = Issuer, string audience = AppId, DateTime? expires = null, SecurityKey? signingKey = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddMinutes(30);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = exp.AddMinutes(-60),
            NotBefore = exp.AddMinutes(-60),
            Expires = exp,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl, ["appid"] = AppId, ["ver"] = "1.0" },
            SigningCredentials = new SigningCredentials(signingKey ?? SigningKey, algorithm),
        });
    }

    public ValueTask DisposeAsync()
    {
        SigningKey.Rsa?.Dispose();
        return _server.DisposeAsync();
    }
}
