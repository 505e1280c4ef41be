using System.Globalization;
using System.Net.Http;
using PartyAffairs.Channels.WeCom;

namespace PartyAffairs.Tests.WeCom;

/// <summary>Builds WeCom callback requests the way WeCom sends them (encrypted XML, signed query).</summary>
public sealed class WeComCallbacks(string token, string encodingAesKey, string corpId)
{
    public const string Token = "fakeCallbackToken";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private readonly WeComCrypto _crypto = new(token, encodingAesKey, corpId);

    /// <summary>The callback crypto of the fake corp.</summary>
    public static WeComCallbacks Default { get; } = new(Token, AesKey, FakeWeComServer.CorpId);

    /// <summary>The plaintext XML of a text message.</summary>
    public static string TextXml(string from, string content, string msgId, long createTime = 1_700_000_000, string msgType = "text", int agentId = FakeWeComServer.AgentId) =>
        $"<xml><ToUserName><![CDATA[{FakeWeComServer.CorpId}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[{msgType}]]></MsgType><Content><![CDATA[{content}]]></Content>" +
        $"<MsgId>{msgId}</MsgId><AgentID>{agentId}</AgentID></xml>";

    /// <summary>A POST to the callback with the plaintext encrypted and signed at <paramref name="now"/>.</summary>
    public HttpRequestMessage Post(string plaintextXml, DateTimeOffset now, string? signatureOverride = null)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var encrypted = _crypto.Encrypt(plaintextXml);
        var signature = signatureOverride ?? _crypto.Sign(timestamp, nonce, encrypted);
        var body = $"<xml><ToUserName><![CDATA[{FakeWeComServer.CorpId}]]></ToUserName><AgentID><![CDATA[{FakeWeComServer.AgentId}]]></AgentID><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>";
        return new HttpRequestMessage(HttpMethod.Post, $"/api/wecom/messages?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "text/xml"),
        };
    }

    /// <summary>A POST whose envelope is exactly <paramref name="body"/>, signed over <paramref name="encryptForSignature"/>.</summary>
    public HttpRequestMessage PostRaw(string body, string encryptForSignature, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = _crypto.Sign(timestamp, "42", encryptForSignature);
        return new HttpRequestMessage(HttpMethod.Post, $"/api/wecom/messages?msg_signature={signature}&timestamp={timestamp}&nonce=42")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "text/xml"),
        };
    }

    /// <summary>The URL verification GET the console sends.</summary>
    public string VerifyUrl(string echo, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var encrypted = _crypto.Encrypt(echo);
        var signature = _crypto.Sign(timestamp, "1372623149", encrypted);
        return $"/api/wecom/messages?msg_signature={signature}&timestamp={timestamp}&nonce=1372623149&echostr={Uri.EscapeDataString(encrypted)}";
    }
}
