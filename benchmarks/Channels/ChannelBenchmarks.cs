using System.Globalization;
using BenchmarkDotNet.Attributes;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Channels.DingTalk;
using PartyAffairs.Channels.WeCom;

namespace PartyAffairs.Benchmarks.Channels;

/// <summary>
/// Per-callback and per-send costs of the DingTalk and WeCom channels: authenticating and decrypting a callback,
/// splitting a long notice. Pacing a send is a permit of the shared rate limiter (<see cref="ChannelRateLimiterBenchmarks"/>).
/// Run: <c>dotnet run -c Release --project benchmarks -- --filter '*ChannelBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ChannelBenchmarks
{
    private const string Token = "benchToken";
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string CorpId = "wwbenchcorp0001";
    private const string Secret = "bench-app-secret";

    private readonly WeComCrypto _crypto = new(Token, AesKey, CorpId);
    private string _encrypted = string.Empty;
    private string _signature = string.Empty;
    private string _dingTimestamp = string.Empty;
    private string _dingSign = string.Empty;
    private string _notice = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var xml = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1700000000</CreateTime>" +
            "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[本月党费什么时候交？]]></Content><MsgId>7890123456789</MsgId><AgentID>1000002</AgentID></xml>";
        _encrypted = _crypto.Encrypt(xml);
        _signature = _crypto.Sign("1700000000", "42", _encrypted);
        _dingTimestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        _dingSign = DingTalkSignature.Compute(_dingTimestamp, Secret);
        _notice = string.Concat(Enumerable.Repeat("各支部请于本周五前报送主题党日活动开展情况，逾期未报的将予以通报。\n", 120));
    }

    /// <summary>A WeCom text callback: signature check, AES-256-CBC decryption, receive id check, XML parse.</summary>
    [Benchmark]
    public WeComMessage? WeComAuthenticateAndDecrypt()
    {
        if (!_crypto.VerifySignature(_signature, "1700000000", "42", _encrypted) || _crypto.TryDecrypt(_encrypted, out var plain) != WeComDecryptStatus.Ok)
        {
            throw new InvalidOperationException("vector broken");
        }

        return WeComMessage.TryParse(plain);
    }

    /// <summary>A DingTalk callback's header check (HMAC-SHA256, constant-time compare).</summary>
    [Benchmark]
    public bool DingTalkVerifySignature() => DingTalkSignature.Verify(_dingTimestamp, _dingSign, Secret, DateTimeOffset.UtcNow);

    /// <summary>Splitting a 12 KB notice into WeCom text parts (2048 bytes).</summary>
    [Benchmark]
    public int SplitLongNotice() => Utf8TextSplitter.Split(_notice, 2048).Count;
}
