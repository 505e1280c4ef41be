using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Links;

/// <summary>
/// Short-lived links that need no other credential (the console's sign-in link, a workbook download): a token
/// <c>base64url(payload).base64url(HMAC-SHA256(key, payload))</c>, the payload naming purpose, subject, scope, expiry
/// and a random id. <see cref="Check"/> verifies without the store; <see cref="RedeemAsync"/> also makes the link
/// single use across instances (<c>SET pa:link:used:{id} NX</c>, kept until the link would have expired).
/// </summary>
public sealed class SignedLinks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly byte[] _key;
    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _time;

    /// <summary>Creates the service with the signing key.</summary>
    public SignedLinks(LinkKey key, IConnectionMultiplexer redis, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key.Bytes;
        _redis = redis;
        _time = time;
    }

    /// <summary>A token for <paramref name="purpose"/>, valid for <paramref name="lifetime"/> from now.</summary>
    public string Issue(string purpose, string subject, string scope, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        var link = new Payload(purpose, subject, scope, _time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds(),
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12)));
        var payload = JsonSerializer.SerializeToUtf8Bytes(link, Json);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>Verifies <paramref name="token"/> for <paramref name="purpose"/>: signature, purpose and expiry (not use).</summary>
    public LinkCheck Check(string? token, string purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048 || token.Split('.') is not [var body, var mac])
        {
            return new LinkCheck(LinkStatus.Invalid, null);
        }

        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(body);
            signature = Base64Url.DecodeFromChars(mac);
        }
        catch (FormatException)
        {
            return new LinkCheck(LinkStatus.Invalid, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload), signature))
        {
            return new LinkCheck(LinkStatus.Invalid, null);
        }

        Payload? read;
        try
        {
            read = JsonSerializer.Deserialize<Payload>(payload, Json);
        }
        catch (JsonException)
        {
            return new LinkCheck(LinkStatus.Invalid, null);
        }

        if (read is null || !string.Equals(read.P, purpose, StringComparison.Ordinal) || read.I is null)
        {
            return new LinkCheck(LinkStatus.Invalid, null);
        }

        var link = new SignedLink(read.P, read.S ?? "", read.C ?? "", DateTimeOffset.FromUnixTimeSeconds(read.E), read.I);
        return new LinkCheck(link.ExpiresAt <= _time.GetUtcNow() ? LinkStatus.Expired : LinkStatus.Valid, link);
    }

    /// <summary>
    /// Verifies <paramref name="token"/> like <see cref="Check"/> and marks it used: of any number of concurrent
    /// redemptions, on any instance, exactly one is <see cref="LinkStatus.Valid"/>; the others are <see cref="LinkStatus.Used"/>.
    /// </summary>
    public async Task<LinkCheck> RedeemAsync(string? token, string purpose)
    {
        var check = Check(token, purpose);
        if (check.Status != LinkStatus.Valid)
        {
            return check;
        }

        var link = check.Link!;
        var keep = link.ExpiresAt - _time.GetUtcNow() + TimeSpan.FromMinutes(1);
        var first = await _redis.GetDatabase().StringSetAsync("pa:link:used:" + link.Id, 1, keep, When.NotExists).ConfigureAwait(false);
        return first ? check : new LinkCheck(LinkStatus.Used, link);
    }

    /// <summary>The signed payload; short names keep links short.</summary>
    private sealed record Payload(string P, string? S, string? C, long E, string? I);
}

/// <summary>The key links are signed with: <c>Links:Key</c>, or the generated <c>{Storage:DataDir}/link-key</c>.</summary>
public sealed class LinkKey(byte[] bytes)
{
    /// <summary>The key's bytes.</summary>
    internal byte[] Bytes { get; } = bytes;

    /// <summary>The configured key, or the data folder's (created on first use).</summary>
    public static LinkKey From(LinkOptions options, string dataDir)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.Key))
        {
            return options.Key.Length >= 32
                ? new LinkKey(Encoding.UTF8.GetBytes(options.Key))
                : throw new InvalidOperationException("Links:Key must be at least 32 characters long.");
        }

        var (secret, _, _) = SecretFile.ReadOrCreate(Path.Combine(Path.GetFullPath(dataDir), SecretFile.LinkKey));
        return new LinkKey(Encoding.UTF8.GetBytes(secret));
    }
}
