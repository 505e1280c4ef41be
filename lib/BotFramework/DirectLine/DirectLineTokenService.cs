using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>
/// Issues and checks Direct Line credentials. A token is a JWT (HS256, key derived from the secret) carrying the
/// conversation (<c>conv</c>) and the user (<c>user</c>, which Web Chat reads to set its user id); it reaches only its own
/// conversation and expires after <see cref="DirectLineOptions.TokenLifetimeSeconds"/> (checked on <see cref="TimeProvider"/>).
/// </summary>
internal sealed class DirectLineTokenService
{
    private const string Issuer = "partyaffairs-directline";
    private const string ConversationClaim = "conv";
    private const string UserClaim = "user";

    private const int CacheLimit = 10_000;

    // Validating a JWT costs far more than a lookup; tokens are reused for every call of a conversation.
    private readonly ConcurrentDictionary<string, DirectLineCredential> _validated = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTime> _expiries = new(StringComparer.Ordinal);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly byte[]? _secret;
    private readonly SymmetricSecurityKey _key;
    private readonly SigningCredentials _signing;
    private readonly TokenValidationParameters _parameters;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineTokenService> logger)
    {
        var settings = options.Value;
        _time = time;
        _lifetime = TimeSpan.FromSeconds(settings.TokenLifetimeSeconds);
        byte[] keyMaterial;
        if (string.IsNullOrEmpty(settings.Secret))
        {
            ProtocolLog.NoDirectLineSecret(logger);
            keyMaterial = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            _secret = Encoding.UTF8.GetBytes(settings.Secret);
            keyMaterial = SHA256.HashData(Encoding.UTF8.GetBytes("partyaffairs-directline-token-key|" + settings.Secret));
        }

        _key = new SymmetricSecurityKey(keyMaterial);
        _signing = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256);
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidateAudience = false,
            ValidateLifetime = false, // checked below on the injected clock
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        };
    }

    /// <summary>Seconds a new token lives.</summary>
    public int LifetimeSeconds => (int)_lifetime.TotalSeconds;

    /// <summary>Issues a token for one conversation and user.</summary>
    public string Issue(string conversationId, string userId)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _lifetime,
            SigningCredentials = _signing,
            Claims = new Dictionary<string, object> { [ConversationClaim] = conversationId, [UserClaim] = userId },
        });
    }

    /// <summary>Reads an <c>Authorization</c> header value (<c>Bearer …</c>).</summary>
    public Task<DirectLineCredential> AuthenticateHeaderAsync(string? authorization)
    {
        var parts = authorization?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is [var scheme, var value] && scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            ? AuthenticateAsync(value)
            : Task.FromResult(new DirectLineCredential(DirectLineCredentialKind.Missing));
    }

    /// <summary>Reads a bare credential (the secret or a token).</summary>
    public async Task<DirectLineCredential> AuthenticateAsync(string? credential)
    {
        if (string.IsNullOrEmpty(credential))
        {
            return new DirectLineCredential(DirectLineCredentialKind.Missing);
        }

        if (_secret is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), _secret))
        {
            return DirectLineCredential.Secret;
        }

        if (_validated.TryGetValue(credential, out var known) && _expiries.TryGetValue(credential, out var knownExpiry))
        {
            return _time.GetUtcNow().UtcDateTime >= knownExpiry ? known with { Kind = DirectLineCredentialKind.Expired } : known;
        }

        if (!_handler.CanReadToken(credential))
        {
            return new DirectLineCredential(DirectLineCredentialKind.Invalid);
        }

        var result = await _handler.ValidateTokenAsync(credential, _parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt
            || !jwt.TryGetPayloadValue<string>(ConversationClaim, out var conversationId)
            || !jwt.TryGetPayloadValue<string>(UserClaim, out var userId))
        {
            return new DirectLineCredential(DirectLineCredentialKind.Invalid);
        }

        var valid = new DirectLineCredential(DirectLineCredentialKind.Token, conversationId, userId);
        if (_validated.Count >= CacheLimit)
        {
            _validated.Clear();
            _expiries.Clear();
        }

        _expiries[credential] = jwt.ValidTo;
        _validated[credential] = valid;
        return _time.GetUtcNow().UtcDateTime >= jwt.ValidTo ? valid with { Kind = DirectLineCredentialKind.Expired } : valid;
    }

    /// <summary>A new, unguessable conversation id (URL-safe, no <c>|</c>).</summary>
    public static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A new, unguessable user id with the <c>dl_</c> prefix Direct Line uses for server-assigned ids.</summary>
    public static string NewUserId() => "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
