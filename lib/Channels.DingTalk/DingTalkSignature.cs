using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PartyAffairs.Channels.DingTalk;

/// <summary>
/// DingTalk's HMAC-SHA256 signature: <c>Base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret))</c>,
/// used on robot callbacks (headers <c>timestamp</c>, <c>sign</c>) and on custom group robot webhook URLs.
/// </summary>
public static class DingTalkSignature
{
    /// <summary>How far a callback's timestamp may be from our clock.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromHours(1);

    /// <summary>The base64 signature of a millisecond timestamp.</summary>
    public static string Compute(string timestampMilliseconds, string secret)
    {
        ArgumentNullException.ThrowIfNull(timestampMilliseconds);
        ArgumentNullException.ThrowIfNull(secret);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestampMilliseconds + "\n" + secret));
        return Convert.ToBase64String(hash);
    }

    /// <summary>
    /// True when the timestamp is a number of milliseconds within <see cref="Tolerance"/> of <paramref name="now"/> and
    /// the signature matches (compared in constant time).
    /// </summary>
    public static bool Verify(string? timestampMilliseconds, string? sign, string secret, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestampMilliseconds) || string.IsNullOrEmpty(sign)
            || timestampMilliseconds.Length > 16
            || !long.TryParse(timestampMilliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return false;
        }

        var skew = Math.Abs(now.ToUnixTimeMilliseconds() - milliseconds);
        if (skew > (long)Tolerance.TotalMilliseconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(timestampMilliseconds, secret));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(sign));
    }

    /// <summary>Adds <c>timestamp</c> and URL-encoded <c>sign</c> to a custom group robot webhook URL.</summary>
    public static Uri SignWebhook(Uri webhook, string secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var separator = string.IsNullOrEmpty(webhook.Query) ? "?" : "&";
        return new Uri($"{webhook.AbsoluteUri}{separator}timestamp={timestamp}&sign={Uri.EscapeDataString(Compute(timestamp, secret))}");
    }
}
