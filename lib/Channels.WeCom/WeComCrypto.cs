using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PartyAffairs.Channels.WeCom;

/// <summary>
/// WeCom's callback crypto (加解密方案, doc 91144): SHA-1 signatures over the sorted token, timestamp, nonce and ciphertext,
/// and AES-256-CBC over <c>random(16) + msg_len(4, big-endian) + msg + receiveid</c>, IV = first 16 key bytes,
/// PKCS#7 to 32-byte blocks.
/// </summary>
public sealed class WeComCrypto
{
    private const int RandomLength = 16;
    private const int LengthFieldLength = 4;

    private readonly string _token;
    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly byte[] _receiveId;

    /// <summary>Creates the crypto for one app; <paramref name="encodingAesKey"/> is the 43-character key from the console.</summary>
    public WeComCrypto(string token, string encodingAesKey, string receiveId)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(receiveId);
        if (!TryDecodeKey(encodingAesKey, out var key))
        {
            throw new ArgumentException("EncodingAESKey must be 43 base64 characters (32 bytes).", nameof(encodingAesKey));
        }

        _token = token;
        _key = key;
        _iv = key[..16];
        _receiveId = Encoding.UTF8.GetBytes(receiveId);
    }

    /// <summary>True when <paramref name="encodingAesKey"/> is a valid 43-character EncodingAESKey.</summary>
    public static bool IsValidKey(string? encodingAesKey) => TryDecodeKey(encodingAesKey, out _);

    /// <summary>The <c>msg_signature</c> WeCom computes: lower-case hex SHA-1 of the four values sorted and joined.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "WeCom's callback protocol defines the signature as SHA-1.")]
    public string Sign(string timestamp, string nonce, string encrypted)
    {
        string[] parts = [_token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    /// <summary>Checks a <c>msg_signature</c> in constant time.</summary>
    public bool VerifySignature(string? signature, string timestamp, string nonce, string encrypted)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, nonce, encrypted));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>Encrypts a message as WeCom does (used for passive replies and by the test fakes).</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = Encoding.UTF8.GetBytes(message);
        var plain = new byte[RandomLength + LengthFieldLength + body.Length + _receiveId.Length];
        if (random.Length == RandomLength)
        {
            random.CopyTo(plain);
        }
        else
        {
            RandomNumberGenerator.Fill(plain.AsSpan(0, RandomLength));
        }

        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength), body.Length);
        body.CopyTo(plain, RandomLength + LengthFieldLength);
        _receiveId.CopyTo(plain, RandomLength + LengthFieldLength + body.Length);

        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(WeComPkcs7.Pad(plain), _iv, PaddingMode.None));
    }

    /// <summary>Decrypts a WeCom ciphertext and checks it is addressed to our receive id.</summary>
    public WeComDecryptStatus TryDecrypt(string? encrypted, out string message)
    {
        message = string.Empty;
        if (string.IsNullOrEmpty(encrypted))
        {
            return WeComDecryptStatus.Malformed;
        }

        var cipher = new byte[encrypted.Length];
        if (!Convert.TryFromBase64String(encrypted, cipher, out var cipherLength) || cipherLength == 0 || cipherLength % WeComPkcs7.BlockSize != 0)
        {
            return WeComDecryptStatus.Malformed;
        }

        byte[] plain;
        using (var aes = Aes.Create())
        {
            aes.Key = _key;
            plain = aes.DecryptCbc(cipher.AsSpan(0, cipherLength), _iv, PaddingMode.None);
        }

        if (!WeComPkcs7.TryGetUnpaddedLength(plain, out var length) || length < RandomLength + LengthFieldLength)
        {
            return WeComDecryptStatus.Malformed;
        }

        var content = plain.AsSpan(RandomLength, length - RandomLength);
        var messageLength = BinaryPrimitives.ReadInt32BigEndian(content);
        if (messageLength < 0 || messageLength > content.Length - LengthFieldLength)
        {
            return WeComDecryptStatus.Malformed;
        }

        var body = content.Slice(LengthFieldLength, messageLength);
        var receiveId = content[(LengthFieldLength + messageLength)..];
        if (!CryptographicOperations.FixedTimeEquals(receiveId, _receiveId))
        {
            return WeComDecryptStatus.WrongReceiver;
        }

        try
        {
            message = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return WeComDecryptStatus.Malformed;
        }

        return WeComDecryptStatus.Ok;
    }

    private static bool TryDecodeKey(string? encodingAesKey, out byte[] key)
    {
        key = new byte[33];
        if (encodingAesKey is not { Length: 43 } || !Convert.TryFromBase64String(encodingAesKey + "=", key, out var written) || written != 32)
        {
            key = [];
            return false;
        }

        key = key[..32];
        return true;
    }
}
