using System.Text;
using PartyAffairs.Channels.WeCom;

namespace PartyAffairs.Channels.WeCom.Tests;

public sealed class WeComCryptoTests
{
    // The public sample of WeCom's 加解密方案 (doc 91144 and the official WXBizMsgCrypt samples).
    private const string Token = "QDG6eK";
    private const string CorpId = "wx5823bf96d3bd56c7";
    private const string AesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string EchoSignature = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    private const string EchoTimestamp = "1409659589";
    private const string EchoNonce = "263014780";
    private const string EchoStr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    private const string MessageSignature = "477715d11cdb4164915debcba66cb864d751f3e6";
    private const string MessageTimestamp = "1409659813";
    private const string MessageNonce = "1372623149";
    private const string MessageEncrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

    private static readonly WeComCrypto Crypto = new(Token, AesKey, CorpId);

    [Fact]
    public void Sign_OfficialEchoVector_MatchesPublishedSignature()
    {
        Assert.Equal(EchoSignature, Crypto.Sign(EchoTimestamp, EchoNonce, EchoStr));
        Assert.True(Crypto.VerifySignature(EchoSignature, EchoTimestamp, EchoNonce, EchoStr));
    }

    [Fact]
    public void TryDecrypt_OfficialEchoVector_GivesPublishedPlaintext()
    {
        Assert.Equal(WeComDecryptStatus.Ok, Crypto.TryDecrypt(EchoStr, out var plain));
        Assert.Equal("1616140317555161061", plain);
    }

    [Fact]
    public void TryDecrypt_OfficialMessageVector_GivesTheTextMessage()
    {
        Assert.True(Crypto.VerifySignature(MessageSignature, MessageTimestamp, MessageNonce, MessageEncrypt));

        Assert.Equal(WeComDecryptStatus.Ok, Crypto.TryDecrypt(MessageEncrypt, out var plain));
        var message = WeComMessage.TryParse(plain);

        Assert.NotNull(message);
        Assert.Equal(CorpId, message.ToUserName);
        Assert.Equal("mycreate", message.FromUserName);
        Assert.Equal("text", message.MsgType);
        Assert.Equal("hello", message.Content);
        Assert.Equal("4561255354251345929", message.MsgId);
    }

    [Theory]
    [InlineData("你好\uFFFE", "你好\uFFFD")]
    [InlineData("\uFFFF党费\u0001", "\uFFFD党费\uFFFD")]
    [InlineData("表情😀保留", "表情😀保留")]
    public void TryParse_CharactersXmlDoesNotAllow_ReadAsReplacementCharacters(string typed, string read)
    {
        var xml = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[zs]]></FromUserName>"
            + $"<CreateTime>1409659813</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{typed}]]></Content><MsgId>1</MsgId></xml>";

        var message = WeComMessage.TryParse(xml);

        Assert.NotNull(message);
        Assert.Equal(read, message.Content);
    }

    [Fact]
    public void VerifySignature_TamperedCiphertextOrWrongToken_Fails()
    {
        var tampered = "Q" + MessageEncrypt[1..];

        Assert.False(Crypto.VerifySignature(MessageSignature, MessageTimestamp, MessageNonce, tampered));
        Assert.False(Crypto.VerifySignature(MessageSignature, "1409659814", MessageNonce, MessageEncrypt));
        Assert.False(new WeComCrypto("other-token", AesKey, CorpId).VerifySignature(MessageSignature, MessageTimestamp, MessageNonce, MessageEncrypt));
        Assert.False(Crypto.VerifySignature(null, MessageTimestamp, MessageNonce, MessageEncrypt));
    }

    [Fact]
    public void TryDecrypt_FlippedCipherByte_IsMalformedNotAnException()
    {
        var bytes = Convert.FromBase64String(MessageEncrypt);
        bytes[^1] ^= 0x5A;

        Assert.Equal(WeComDecryptStatus.Malformed, Crypto.TryDecrypt(Convert.ToBase64String(bytes), out var plain));
        Assert.Empty(plain);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 !!")]
    [InlineData("AAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void TryDecrypt_Garbage_IsMalformed(string encrypted)
    {
        Assert.Equal(WeComDecryptStatus.Malformed, Crypto.TryDecrypt(encrypted, out _));
    }

    [Fact]
    public void TryDecrypt_WrongKey_IsMalformedOrWrongReceiver()
    {
        var other = new WeComCrypto(Token, "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", CorpId);

        Assert.NotEqual(WeComDecryptStatus.Ok, other.TryDecrypt(MessageEncrypt, out _));
    }

    [Fact]
    public void TryDecrypt_AnotherCorpsMessage_IsWrongReceiver()
    {
        var otherCorp = new WeComCrypto(Token, AesKey, "ww0000000000000000");
        var encrypted = otherCorp.Encrypt("<xml><ToUserName>ww0000000000000000</ToUserName></xml>");

        Assert.Equal(WeComDecryptStatus.WrongReceiver, Crypto.TryDecrypt(encrypted, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("测试一下中文的情况，消息长度是按字节来算的")]
    [InlineData("<xml><Content><![CDATA[已完成 主题党日 🎉]]></Content></xml>")]
    public void Encrypt_ThenDecrypt_RoundTrips(string message)
    {
        var encrypted = Crypto.Encrypt(message);

        Assert.Equal(0, Convert.FromBase64String(encrypted).Length % 32);
        Assert.Equal(WeComDecryptStatus.Ok, Crypto.TryDecrypt(encrypted, out var plain));
        Assert.Equal(message, plain);
    }

    [Fact]
    public void Encrypt_FixedRandom_MatchesIndependentAesCbcComputation()
    {
        // Independent computation: plaintext laid out by hand, padded to 32 by hand, encrypted with .NET's AES-CBC.
        var random = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
        var body = Encoding.UTF8.GetBytes("hello");
        var layout = random.Concat(new byte[] { 0, 0, 0, 5 }).Concat(body).Concat(Encoding.UTF8.GetBytes(CorpId)).ToArray();
        Assert.Equal(43, layout.Length);
        var padded = layout.Concat(Enumerable.Repeat((byte)21, 21)).ToArray();
        var key = Convert.FromBase64String(AesKey + "=");
        using var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = key;
        var expected = Convert.ToBase64String(aes.EncryptCbc(padded, key[..16], System.Security.Cryptography.PaddingMode.None));

        Assert.Equal(expected, Crypto.Encrypt("hello", random));
    }

    [Theory]
    [InlineData(0, 32)]
    [InlineData(1, 31)]
    [InlineData(20, 12)]
    [InlineData(31, 1)]
    [InlineData(32, 32)]
    [InlineData(33, 31)]
    [InlineData(63, 1)]
    [InlineData(64, 32)]
    public void Pad_Lengths_PadsToMultipleOf32WithCountBytes(int length, int expectedPadding)
    {
        var data = Enumerable.Repeat((byte)0xAB, length).ToArray();

        var padded = WeComPkcs7.Pad(data);

        Assert.Equal(length + expectedPadding, padded.Length);
        Assert.All(padded[length..], b => Assert.Equal(expectedPadding, b));
        Assert.True(WeComPkcs7.TryGetUnpaddedLength(padded, out var unpadded));
        Assert.Equal(length, unpadded);
    }

    [Fact]
    public void Pad_DiffersFromDotNetPkcs7_WhichPadsTo16()
    {
        // 40 bytes: PKCS#7 over 16-byte blocks (what .NET's PaddingMode.PKCS7 does with AES) adds 8; WeCom's 32-byte blocks need 24.
        var data = new byte[40];

        Assert.Equal(64, WeComPkcs7.Pad(data).Length);
        Assert.Equal(24, WeComPkcs7.Pad(data)[^1]);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 1, 2, 3 })]
    public void TryGetUnpaddedLength_NotWholeBlocks_Fails(byte[] data)
    {
        Assert.False(WeComPkcs7.TryGetUnpaddedLength(data, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(255)]
    public void TryGetUnpaddedLength_PadByteOutOfRange_Fails(int last)
    {
        var data = new byte[32];
        data[^1] = (byte)last;

        Assert.False(WeComPkcs7.TryGetUnpaddedLength(data, out _));
    }

    [Fact]
    public void TryGetUnpaddedLength_InconsistentPadBytes_Fails()
    {
        var data = Enumerable.Repeat((byte)4, 32).ToArray();
        data[^3] = 7;

        Assert.False(WeComPkcs7.TryGetUnpaddedLength(data, out _));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("short", false)]
    [InlineData(AesKey, true)]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C=", false)]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2!", false)]
    public void IsValidKey_Inputs_AcceptsOnly43CharBase64(string? key, bool valid)
    {
        Assert.Equal(valid, WeComCrypto.IsValidKey(key));
    }
}
