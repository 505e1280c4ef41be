using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Channels.DingTalk;
using PartyAffairs.Channels.Inbound;
using PartyAffairs.Tests.Channels;
using PartyAffairs.Tests.DingTalk;
using PartyAffairs.Tests.Infrastructure;
using static PartyAffairs.Tests.DingTalk.DingTalkCallbacks;

namespace PartyAffairs.Channels.DingTalk.Tests;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes through IAsyncLifetime.DisposeAsync.")]
public sealed class DingTalkChannelTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly FakeDingTalkServer _dingTalk = new(TimeProvider.System);
    private readonly RecordingBot _bot = new();
    private LibraryHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _dingTalk.StartAsync();
        await redis.FlushAsync();
        _host = DingTalkTestHost.Create(redis, _dingTalk, _bot);
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _dingTalk.DisposeAsync();
    }

    [Fact]
    public async Task Callback_SignedText_RunsBotAndRepliesThroughSessionWebhookWithOneTapLinks()
    {
        var webhook = _dingTalk.NewSessionWebhook();

        var response = await _client.SendAsync(Callback(Message("msg-1", " 党费怎么交？", webhook)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _dingTalk.WaitForAsync(c => c.Count >= 1);
        var turn = Assert.Single(_bot.Turns);
        Assert.Equal("dingtalk", turn.ChannelId);
        Assert.Equal("staff-001", turn.From?.Id);
        Assert.Equal("王小明", turn.From?.Name);
        Assert.Equal("cid-one", turn.Conversation?.Id);
        Assert.False(turn.Conversation?.IsGroup);
        Assert.Equal("党费怎么交？", turn.Text);
        Assert.Equal("msg-1", turn.Id);
        var reply = Assert.Single(calls);
        Assert.Equal("session", reply.Kind);
        Assert.Equal("markdown", reply.Type);
        Assert.Contains("收到：党费怎么交？", reply.Text, StringComparison.Ordinal);
        Assert.Contains("[已完成](dtmd://dingtalkclient/sendMessage?content=" + Uri.EscapeDataString("已完成") + ")", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_dingTalk.Violations);
    }

    [Fact]
    public async Task Callback_GroupMessage_RepliesInGroupMentioningSender()
    {
        var webhook = _dingTalk.NewSessionWebhook();

        await _client.SendAsync(Callback(Message("msg-g", "@提醒助手 帮助", webhook, conversationType: "2")));

        var reply = Assert.Single(await _dingTalk.WaitForAsync(c => c.Count >= 1));
        Assert.EndsWith("@staff-001", reply.To, StringComparison.Ordinal);
        Assert.True(_bot.Turns[0].Conversation?.IsGroup);
    }

    [Theory]
    [InlineData("wrong-secret", 0)]
    [InlineData(FakeDingTalkServer.AppSecret, -2)]
    [InlineData(FakeDingTalkServer.AppSecret, 2)]
    public async Task Callback_BadSignatureOrStaleTimestamp_Returns401AndTouchesNothing(string secret, int hoursOff)
    {
        var request = Callback(Message("msg-bad", "你好", _dingTalk.NewSessionWebhook()), DateTimeOffset.UtcNow.AddHours(hoursOff), secret);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(200);
        Assert.Empty(_bot.Turns);
        Assert.Empty(_dingTalk.Calls);
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(ChannelInbox.SeenKey("dingtalk", "msg-bad")));
    }

    [Fact]
    public async Task Callback_NoSignatureHeaders_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, DingTalkEndpoints.CallbackPath) { Content = Json(Message("m", "x", null)) };

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Callback_SameMessageIdTwice_HandledOnce()
    {
        var message = Message("msg-dup", "你好", _dingTalk.NewSessionWebhook());

        var first = await _client.SendAsync(Callback(message));
        var second = await _client.SendAsync(Callback(message));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await _dingTalk.WaitForAsync(c => c.Count >= 1);
        await Task.Delay(300);
        Assert.Single(_bot.Turns);
        Assert.Single(_dingTalk.Calls);
        var ttl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(ChannelInbox.SeenKey("dingtalk", "msg-dup"));
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{\"msgtype\":\"text\",\"text\":\"not an object\",\"msgId\":\"m\",\"conversationId\":\"c\",\"senderStaffId\":\"s\"}")]
    [InlineData("{\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"},\"conversationId\":\"c\",\"senderStaffId\":\"s\"}")]
    [InlineData("{\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"},\"msgId\":\"m\",\"senderStaffId\":\"s\"}")]
    [InlineData("{\"msgtype\":\"text\",\"msgId\":\"m\",\"conversationId\":\"c\",\"senderStaffId\":\"s\"}")]
    [InlineData("{\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"},\"msgId\":\"m\",\"conversationId\":\"c\"}")]
    [InlineData("{\"msgtype\":\"text\",\"createAt\":\"yesterday\",\"text\":{\"content\":\"hi\"},\"msgId\":\"m\",\"conversationId\":\"c\",\"senderStaffId\":\"s\"}")]
    public async Task Callback_MalformedOrIncompleteJson_Returns400AndRunsNothing(string body)
    {
        var response = await _client.SendAsync(Callback(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(error.RootElement.GetProperty("error").GetString()));
        await Task.Delay(100);
        Assert.Empty(_bot.Turns);
    }

    [Fact]
    public async Task Callback_OversizedBody_Returns413()
    {
        var huge = Message("msg-big", new string('长', 40_000), _dingTalk.NewSessionWebhook());

        var response = await _client.SendAsync(Callback(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_bot.Turns);
    }

    [Theory]
    [InlineData("picture")]
    [InlineData("file")]
    [InlineData("audio")]
    [InlineData("richText")]
    public async Task Callback_NonTextMessage_PoliteTextOnlyReplyAndBotNotRun(string msgtype)
    {
        var message = new Dictionary<string, object?>(Message("msg-" + msgtype, "ignored", _dingTalk.NewSessionWebhook())) { ["msgtype"] = msgtype };
        message.Remove("text");

        var response = await _client.SendAsync(Callback(message));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _dingTalk.WaitForAsync(c => c.Count >= 1));
        Assert.Contains("目前只支持文字消息", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_bot.Turns);
    }

    [Fact]
    public async Task Callback_ExpiredSessionWebhook_RepliesOneToOneThroughOpenApi()
    {
        var message = Message("msg-exp", "你好", _dingTalk.NewSessionWebhook(), expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1));

        await _client.SendAsync(Callback(message));

        var reply = Assert.Single(await _dingTalk.WaitForAsync(c => c.Count >= 1));
        Assert.Equal("oto", reply.Kind);
        Assert.Equal("staff-001", reply.To);
        Assert.Equal(1, _dingTalk.TokensIssued);
        Assert.Empty(_dingTalk.Violations);
    }

    [Fact]
    public async Task Callback_SessionWebhookOnAnotherHost_IsNeverCalled()
    {
        var message = Message("msg-ssrf", "你好", "http://127.0.0.2:9/robot/sendBySession?session=x");

        await _client.SendAsync(Callback(message));

        var reply = Assert.Single(await _dingTalk.WaitForAsync(c => c.Count >= 1));
        Assert.Equal("oto", reply.Kind);
    }

    [Fact]
    public async Task Proactive_SeveralSends_ReuseOneTokenAndRefetchAfterRevocation()
    {
        var messenger = _host.Services.GetRequiredService<IProactiveMessenger>();
        var reference = Reference("staff-009");

        for (var i = 0; i < 3; i++)
        {
            await messenger.SendAsync(reference, Activity.CreateMessageActivity($"提醒 {i}"), CancellationToken.None);
        }

        _dingTalk.RevokeTokens();
        await messenger.SendAsync(reference, Activity.CreateMessageActivity("提醒 3"), CancellationToken.None);

        Assert.Equal(["提醒 0", "提醒 1", "提醒 2", "提醒 3"], _dingTalk.Calls.Select(c => c.Text));
        Assert.All(_dingTalk.Calls, c => Assert.Equal("staff-009", c.To));
        Assert.Equal(2, _dingTalk.TokensIssued);
    }

    [Fact]
    public async Task Proactive_UnknownStaffId_ThrowsPermanentFailure()
    {
        _dingTalk.InvalidStaffIds["staff-gone"] = 0;
        var messenger = _host.Services.GetRequiredService<IProactiveMessenger>();

        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() => messenger.SendAsync(Reference("staff-gone"), Activity.CreateMessageActivity("提醒"), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Empty(_dingTalk.Calls);
    }

    [Fact]
    public async Task Proactive_ServerErrorsAndFlowControl_RetriedUntilDelivered()
    {
        _dingTalk.ServerErrors = 2;
        _dingTalk.FlowControlOnce["staff-010"] = 0;
        var messenger = _host.Services.GetRequiredService<IProactiveMessenger>();

        await messenger.SendAsync(Reference("staff-010"), Activity.CreateMessageActivity("提醒"), CancellationToken.None);

        var call = Assert.Single(_dingTalk.Calls);
        Assert.Equal("staff-010", call.To);
    }

    [Fact]
    public async Task Broadcast_MixedRecipients_ReportsPerMember()
    {
        _dingTalk.InvalidStaffIds["staff-x"] = 0;
        var broadcast = _host.Services.GetRequiredService<IBroadcastMessenger>();
        BroadcastRecipient[] recipients =
        [
            new("m1", Reference("staff-1")),
            new("m2", Reference("staff-2")),
            new("m3", Reference("staff-x")),
            new("m4", new ConversationReference { ChannelId = "nowhere", User = new ChannelAccount { Id = "u" } }),
        ];

        var report = await broadcast.SendAsync(recipients, Activity.CreateMessageActivity("请于本周五前完成学习"), CancellationToken.None);

        Assert.Equal(4, report.Total);
        Assert.Equal(2, report.Delivered);
        Assert.Equal((2, 4, 2), (report.Delivered, report.Total, report.Failed));
        Assert.Equal([true, true, false, false], report.Members.Select(m => m.Delivered));
        Assert.Equal(["staff-1", "staff-2"], _dingTalk.Calls.Select(c => c.To).Order());
    }

    [Fact]
    public async Task GroupNotice_LongNotice_SignedAndSplitOnCharacterBoundaries()
    {
        var notices = _host.Services.GetServices<IGroupNoticeSender>().Single(n => n.ChannelId == "dingtalk");
        var text = string.Concat(Enumerable.Repeat("请各位党员按时参加主题党日活动🎉\n", 300));

        await notices.PublishAsync("主题党日通知", text, CancellationToken.None);

        var calls = _dingTalk.Calls;
        Assert.True(calls.Count > 1);
        Assert.All(calls, c => Assert.Equal("markdown", c.Type));
        Assert.All(calls, c => Assert.DoesNotContain('\uFFFD', c.Text));
        var rebuilt = string.Concat(calls.Select(c => c.Text[(c.Text.IndexOf('|', StringComparison.Ordinal) + 1)..]));
        Assert.Equal(("### 主题党日通知\n\n" + text).Replace("\n", "  \n", StringComparison.Ordinal), rebuilt);
        Assert.Empty(_dingTalk.Violations);
    }

    [Fact]
    public async Task Host_DingTalkNotConfigured_CallbackAnswers404()
    {
        await using var bare = DingTalkTestHost.Create(redis, dingTalk: null, _bot);
        using var client = bare.CreateClient();

        var response = await client.SendAsync(Callback(Message("m", "x", null)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not configured", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static ConversationReference Reference(string staffId) => new()
    {
        ChannelId = "dingtalk",
        User = new ChannelAccount { Id = staffId },
        Conversation = new ConversationAccount { Id = "cid-" + staffId },
    };
}
