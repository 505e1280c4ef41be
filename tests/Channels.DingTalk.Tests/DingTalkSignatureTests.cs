using PartyAffairs.Channels.DingTalk;

namespace PartyAffairs.Channels.DingTalk.Tests;

public sealed class DingTalkSignatureTests
{
    private const string Secret = "SECtest-app-secret-0123456789";
    private const string Timestamp = "1714959000123";

    // printf '%s\n%s' 1714959000123 SECtest-app-secret-0123456789 | openssl dgst -sha256 -hmac SECtest-app-secret-0123456789 -binary | base64
    private const string OpensslSign = "hyssqvSCT3ZGxOiLsNlZdvZxS9eGAiP+6tI+N25SIWc=";

    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1714959000123);

    [Fact]
    public void Compute_KnownVector_MatchesOpenssl()
    {
        Assert.Equal(OpensslSign, DingTalkSignature.Compute(Timestamp, Secret));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(59 * 60)]
    [InlineData(-59 * 60)]
    [InlineData(3600)]
    public void Verify_WithinAnHour_Accepts(int clockOffsetSeconds)
    {
        Assert.True(DingTalkSignature.Verify(Timestamp, OpensslSign, Secret, At.AddSeconds(clockOffsetSeconds)));
    }

    [Theory]
    [InlineData(3601)]
    [InlineData(-3601)]
    [InlineData(86_400)]
    public void Verify_MoreThanAnHourOff_Rejects(int clockOffsetSeconds)
    {
        Assert.False(DingTalkSignature.Verify(Timestamp, OpensslSign, Secret, At.AddSeconds(clockOffsetSeconds)));
    }

    [Theory]
    [InlineData(Timestamp, "hyssqvSCT3ZGxOiLsNlZdvZxS9eGAiP+6tI+N25SIWd=")]
    [InlineData(Timestamp, "")]
    [InlineData(Timestamp, null)]
    [InlineData("1714959000124", OpensslSign)]
    [InlineData("", OpensslSign)]
    [InlineData(null, OpensslSign)]
    [InlineData("17149590001x3", OpensslSign)]
    [InlineData("-1714959000123", OpensslSign)]
    [InlineData("99999999999999999999999", OpensslSign)]
    public void Verify_TamperedSignOrTimestamp_Rejects(string? timestamp, string? sign)
    {
        Assert.False(DingTalkSignature.Verify(timestamp, sign, Secret, At));
    }

    [Fact]
    public void Verify_WrongSecret_Rejects()
    {
        Assert.False(DingTalkSignature.Verify(Timestamp, OpensslSign, "SECanother", At));
    }

    [Fact]
    public void SignWebhook_AddsTimestampAndUrlEncodedSign()
    {
        var url = DingTalkSignature.SignWebhook(new Uri("https://oapi.dingtalk.com/robot/send?access_token=abc"), Secret, At);

        Assert.Equal($"https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp={Timestamp}&sign={Uri.EscapeDataString(OpensslSign)}", url.AbsoluteUri);
        Assert.Contains("%2B", url.AbsoluteUri, StringComparison.Ordinal);
    }
}
