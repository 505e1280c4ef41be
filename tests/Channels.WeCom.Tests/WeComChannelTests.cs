using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Channels.Inbound;
using PartyAffairs.Channels.WeCom;
using PartyAffairs.Tests.Channels;
using PartyAffairs.Tests.Infrastructure;
using PartyAffairs.Tests.WeCom;

namespace PartyAffairs.Channels.WeCom.Tests;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes through IAsyncLifetime.DisposeAsync.")]
public sealed class WeComChannelTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly FakeWeComServer _weCom = new(TimeProvider.System);
    private readonly RecordingBot _bot = new();
    private readonly WeComCallbacks _callbacks = WeComCallbacks.Default;
    private LibraryHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _weCom.StartAsync();
        await redis.FlushAsync();
        _host = WeComTestHost.Create(redis, _weCom, _bot);
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _weCom.DisposeAsync();
    }

    [Fact]
    public async Task Verify_SignedEchostr_ReturnsPlaintextExactly()
    {
        var response = await _client.GetAsync(new Uri(_callbacks.VerifyUrl("1616140317555161061", DateTimeOffset.UtcNow), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1616140317555161061", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_TamperedSignature_Returns401()
    {
        var url = _callbacks.VerifyUrl("123", DateTimeOffset.UtcNow).Replace("msg_signature=", "msg_signature=0", StringComparison.Ordinal);

        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Verify_MissingParameters_Returns400()
    {
        var response = await _client.GetAsync(new Uri(WeComEndpoints.CallbackPath + "?msg_signature=a&timestamp=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Callback_EncryptedText_AcknowledgedBeforeTheTurnThenAnsweredByAppMessage()
    {
        _bot.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var response = await _client.SendAsync(_callbacks.Post(WeComCallbacks.TextXml("zhangsan", " 我的待办 ", "10001"), DateTimeOffset.UtcNow));

        // The turn is still held: the 200 came back without waiting for it (WeCom retries after 5 s).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Empty(_weCom.Calls);
        _bot.Hold.SetResult();

        var reply = Assert.Single(await _weCom.WaitForAsync(c => c.Count >= 1));
        Assert.Equal("app", reply.Kind);
        Assert.Equal("zhangsan", reply.To);
        Assert.Equal("收到：我的待办\n\n可直接回复：「已完成」 / 「我的待办」", reply.Text);
        var turn = Assert.Single(_bot.Turns);
        Assert.Equal("wecom", turn.ChannelId);
        Assert.Equal("zhangsan", turn.From?.Id);
        Assert.Equal("10001", turn.Id);
        Assert.Empty(_weCom.Violations);
    }

    [Fact]
    public async Task Callback_SameMsgIdRetried_HandledOnce()
    {
        var xml = WeComCallbacks.TextXml("lisi", "你好", "20002");

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(_callbacks.Post(xml, DateTimeOffset.UtcNow))).StatusCode);
        }

        await _weCom.WaitForAsync(c => c.Count >= 1);
        await Task.Delay(300);
        Assert.Single(_bot.Turns);
        Assert.Single(_weCom.Calls);
    }

    [Fact]
    public async Task Callback_TamperedCiphertext_Returns401AndTouchesNothing()
    {
        using var original = _callbacks.Post(WeComCallbacks.TextXml("lisi", "你好", "30003"), DateTimeOffset.UtcNow);
        var body = await original.Content!.ReadAsStringAsync();
        var start = body.IndexOf("<Encrypt><![CDATA[", StringComparison.Ordinal) + 18;
        var tampered = body[..start] + (body[start] == 'A' ? 'B' : 'A') + body[(start + 1)..];
        using var request = new HttpRequestMessage(HttpMethod.Post, original.RequestUri) { Content = new StringContent(tampered, Encoding.UTF8, "text/xml") };

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(200);
        Assert.Empty(_bot.Turns);
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(ChannelInbox.SeenKey("wecom", "30003")));
    }

    [Fact]
    public async Task Callback_OldTimestamp_Returns401()
    {
        var response = await _client.SendAsync(_callbacks.Post(WeComCallbacks.TextXml("lisi", "你好", "40004"), DateTimeOffset.UtcNow.AddHours(-3)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Turns);
    }

    [Fact]
    public async Task Callback_WrongKeyOrOtherCorp_Returns401()
    {
        var wrongKey = new WeComCallbacks(WeComCallbacks.Token, "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg", FakeWeComServer.CorpId);
        var otherCorp = new WeComCallbacks(WeComCallbacks.Token, WeComCallbacks.AesKey, "wwsomebodyelse");
        var xml = WeComCallbacks.TextXml("lisi", "你好", "50005");

        var first = await _client.SendAsync(wrongKey.Post(xml, DateTimeOffset.UtcNow));
        var second = await _client.SendAsync(otherCorp.Post(xml, DateTimeOffset.UtcNow));

        // A wrong key decrypts to garbage (400) or to the wrong receiver (401); either way nothing runs.
        Assert.Contains(first.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        await Task.Delay(200);
        Assert.Empty(_bot.Turns);
    }

    [Fact]
    public async Task Callback_OtherAgent_Returns403()
    {
        var response = await _client.SendAsync(_callbacks.Post(WeComCallbacks.TextXml("lisi", "你好", "60006", agentId: 999), DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<xml><Encrypt>")]
    [InlineData("<xml><ToUserName>x</ToUserName></xml>")]
    [InlineData("<other><Encrypt>abc</Encrypt></other>")]
    [InlineData("<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>")]
    public async Task Callback_MalformedEnvelope_Returns400(string body)
    {
        var response = await _client.SendAsync(_callbacks.PostRaw(body, "abc", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_bot.Turns);
    }

    [Theory]
    [InlineData("<xml><ToUserName>wwfakecorp0001</ToUserName></xml>")]
    [InlineData("<xml><ToUserName>wwfakecorp0001</ToUserName><FromUserName>u</FromUserName><MsgType>text</MsgType></xml>")]
    [InlineData("plain words, not xml")]
    public async Task Callback_DecryptedButIncomplete_Returns400(string plaintext)
    {
        var response = await _client.SendAsync(_callbacks.Post(plaintext, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Callback_OversizedBody_Returns413()
    {
        var response = await _client.SendAsync(_callbacks.Post(WeComCallbacks.TextXml("lisi", new string('长', 30_000), "70007"), DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("image")]
    [InlineData("voice")]
    [InlineData("video")]
    [InlineData("file")]
    [InlineData("location")]
    public async Task Callback_NonText_PoliteTextOnlyReply(string msgType)
    {
        var response = await _client.SendAsync(_callbacks.Post(WeComCallbacks.TextXml("wangwu", "", "8000" + msgType, msgType: msgType), DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _weCom.WaitForAsync(c => c.Count >= 1));
        Assert.Equal("wangwu", reply.To);
        Assert.Contains("目前只支持文字消息", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_bot.Turns);
    }

    [Fact]
    public async Task Callback_SubscribeEvent_RunsConversationUpdate()
    {
        var xml = $"<xml><ToUserName>{FakeWeComServer.CorpId}</ToUserName><FromUserName>newbie</FromUserName><CreateTime>1700000001</CreateTime><MsgType>event</MsgType><Event>subscribe</Event><AgentID>{FakeWeComServer.AgentId}</AgentID></xml>";

        await _client.SendAsync(_callbacks.Post(xml, DateTimeOffset.UtcNow));

        var reply = Assert.Single(await _weCom.WaitForAsync(c => c.Count >= 1));
        Assert.Equal("newbie", reply.To);
        Assert.Equal(ActivityTypes.ConversationUpdate, _bot.Turns[0].Type);
    }

    [Fact]
    public async Task Proactive_LongReminder_SplitIntoPartsOfAtMost2048BytesOnCharacterBoundaries()
    {
        var messenger = _host.Services.GetRequiredService<IProactiveMessenger>();
        var text = string.Concat(Enumerable.Repeat("请于月底前完成党费缴纳。🙂", 200));
        var reference = new ConversationReference { ChannelId = "wecom", User = new ChannelAccount { Id = "zhaoliu" } };

        await messenger.SendAsync(reference, Activity.CreateMessageActivity(text), CancellationToken.None);

        var calls = _weCom.Calls;
        Assert.True(calls.Count >= 3);
        Assert.All(calls, c => Assert.InRange(Encoding.UTF8.GetByteCount(c.Text), 1, 2048));
        Assert.Equal(text, string.Concat(calls.Select(c => c.Text)));
        Assert.Equal(1, _weCom.TokensIssued);
        Assert.Empty(_weCom.Violations);
    }

    [Fact]
    public async Task Proactive_ExpiredTokenAndThrottle_RefetchedRetriedAndDelivered()
    {
        var messenger = _host.Services.GetRequiredService<IProactiveMessenger>();
        var reference = new ConversationReference { ChannelId = "wecom", User = new ChannelAccount { Id = "zhaoliu" } };
        await messenger.SendAsync(reference, Activity.CreateMessageActivity("一"), CancellationToken.None);
        _weCom.RevokeTokens();
        _weCom.ThrottleAnswers = 1;

        await messenger.SendAsync(reference, Activity.CreateMessageActivity("二"), CancellationToken.None);

        Assert.Equal(["一", "二"], _weCom.Calls.Select(c => c.Text));
        Assert.Equal(2, _weCom.TokensIssued);
    }

    [Fact]
    public async Task Proactive_InvalidUser_ThrowsPermanentFailure()
    {
        _weCom.InvalidUsers["ghost"] = 0;
        var messenger = _host.Services.GetRequiredService<IProactiveMessenger>();

        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() => messenger.SendAsync(
            new ConversationReference { ChannelId = "wecom", User = new ChannelAccount { Id = "ghost" } }, Activity.CreateMessageActivity("x"), CancellationToken.None));

        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task GroupNotice_LongMarkdown_SplitIntoPartsOfAtMost4096Bytes()
    {
        var notices = _host.Services.GetServices<IGroupNoticeSender>().Single(n => n.ChannelId == "wecom");
        var text = string.Concat(Enumerable.Repeat("各支部请于本周五前报送学习情况🎉\n", 300));

        await notices.PublishAsync("学习通知", text, CancellationToken.None);

        var calls = _weCom.Calls;
        Assert.True(calls.Count >= 3);
        Assert.All(calls, c => Assert.InRange(Encoding.UTF8.GetByteCount(c.Text), 1, 4096));
        Assert.Equal("**学习通知**\n" + text, string.Concat(calls.Select(c => c.Text)));
        Assert.Empty(_weCom.Violations);
    }

    [Fact]
    public async Task Host_WeComNotConfigured_CallbackAnswers404()
    {
        await using var bare = WeComTestHost.Create(redis, weCom: null, _bot);
        using var client = bare.CreateClient();

        var response = await client.SendAsync(_callbacks.Post(WeComCallbacks.TextXml("a", "b", "1"), DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
