using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Tests.BotFramework;

namespace PartyAffairs.BotFramework.Tests.Connector;

/// <summary>The connector endpoint without authentication (Emulator mode, opted in) against a fake channel on loopback.</summary>
public sealed class ConnectorTests : IAsyncLifetime
{
    private readonly BotFrameworkHost _host = new(redis: null, new Dictionary<string, string?> { ["BotFramework:AllowUnauthenticated"] = "true" });
    private FakeChannel _channel = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _channel = await FakeChannel.StartAsync();
        _http = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
    }

    private string EmulatorMessage(string text, string conversationId = "a1b2c3|livechat", string id = "act|1/x?y", string? serviceUrl = null, string type = "message") =>
        JsonSerializer.Serialize(new
        {
            type,
            id,
            text,
            channelId = "emulator",
            serviceUrl = serviceUrl ?? _channel.ServiceUrl,
            timestamp = "2026-11-23T01:30:00.000Z",
            from = new { id = "user-1", name = "王小明", role = "user" },
            recipient = new { id = "bot-1", name = "提醒助手", role = "bot" },
            conversation = new { id = conversationId },
            locale = "zh-CN",
            channelData = new { clientActivityID = "c1" },
        });

    private Task<HttpResponseMessage> PostAsync(string body, string contentType = "application/json") =>
        _http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, contentType));

    [Fact]
    public async Task Message_FromEmulator_RepliesToServiceUrlWithEscapedIds()
    {
        using var response = await PostAsync(EmulatorMessage("你好"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await _channel.WaitForCallsAsync(1));
        Assert.Equal("/v3/conversations/a1b2c3%7Clivechat/activities/act%7C1%2Fx%3Fy", call.RawTarget);
        Assert.Equal(string.Empty, call.Authorization);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        var reply = call.Body;
        Assert.Equal("message", reply.GetProperty("type").GetString());
        Assert.Equal("echo: 你好", reply.GetProperty("text").GetString());
        Assert.Equal("act|1/x?y", reply.GetProperty("replyToId").GetString());
        Assert.Equal("bot-1", reply.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("user-1", reply.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("a1b2c3|livechat", reply.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("zh-CN", reply.GetProperty("locale").GetString());
        Assert.False(reply.TryGetProperty("id", out _), "bots do not send ids (A2031)");
    }

    [Fact]
    public async Task Message_ServiceUrlWithTrailingSlash_JoinsWithoutDoubleSlash()
    {
        using var response = await PostAsync(EmulatorMessage("你好", serviceUrl: _channel.ServiceUrl + "/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await _channel.WaitForCallsAsync(1));
        Assert.StartsWith("/v3/conversations/", call.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_BotAnswers_ReturnsItsStatusAndBody()
    {
        using var response = await PostAsync(EmulatorMessage("", type: "invoke").Replace("\"text\":\"\"", "\"name\":\"answer\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Invoke_BotDoesNotAnswer_Returns501()
    {
        using var response = await PostAsync(EmulatorMessage("", type: "invoke").Replace("\"text\":\"\"", "\"name\":\"unknown/action\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Message_ExpectReplies_ReturnsRepliesInTheBodyAndSendsNothing()
    {
        var body = EmulatorMessage("你好").Replace("\"type\":\"message\"", "\"type\":\"message\",\"deliveryMode\":\"expectReplies\"", StringComparison.Ordinal);

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities");
        Assert.Equal("echo: 你好", replies[0].GetProperty("text").GetString());
        Assert.Empty(_channel.Calls);
    }

    [Fact]
    public async Task Message_BotFails_SendsAPoliteReplyAndReturns200()
    {
        using var response = await PostAsync(EmulatorMessage("fail"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await _channel.WaitForCallsAsync(1));
        Assert.Equal("服务暂时不可用，请稍后再试。", call.Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Message_BotFailsAndTheApologyCannotBeSent_Returns502()
    {
        // Nothing listens on the discard port: the reply the error handler sends fails as well.
        using var response = await PostAsync(EmulatorMessage("fail", serviceUrl: "http://127.0.0.1:9"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("BotError", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(_channel.Calls);
    }

    [Fact]
    public async Task UnknownActivityType_IsIgnoredWith200()
    {
        using var response = await PostAsync(EmulatorMessage("x", type: "hologram"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
    }

    public static TheoryData<string?, string, HttpStatusCode> BadRequests => new()
    {
        { null, "application/json", HttpStatusCode.BadRequest },
        { "", "application/json", HttpStatusCode.BadRequest },
        { "{\"type\":", "application/json", HttpStatusCode.BadRequest },
        { "{\"text\":\"no type\"}", "application/json", HttpStatusCode.BadRequest },
        { "{\"type\":\"message\"}", "text/plain", HttpStatusCode.UnsupportedMediaType },
        { "{\"type\":\"message\",\"text\":\"" + new string('x', 70_000) + "\"}", "application/json", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequest_IsRefusedAndNothingRunsOrIsSent(string? body, string contentType, HttpStatusCode expected)
    {
        using var content = body is null ? null : new StringContent(body, Encoding.UTF8, contentType);

        using var response = await _http.PostAsync("/api/messages", content);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
        Assert.Empty(_channel.Calls);
    }

    [Fact]
    public async Task Message_EleventhWithinTenSeconds_GetsAPoliteReplyAndIsNotProcessed()
    {
        for (var i = 0; i < 10; i++)
        {
            using var accepted = await PostAsync(EmulatorMessage($"消息{i}", id: $"a{i}"));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var limited = await PostAsync(EmulatorMessage("第十一条", id: "a10"));

        Assert.Equal(HttpStatusCode.OK, limited.StatusCode);
        Assert.Equal(10, _host.Bot.Turns.Count);
        var calls = await _channel.WaitForCallsAsync(11);
        Assert.Equal("您发送消息过于频繁，请稍后再试。", calls[^1].Body.GetProperty("text").GetString());
        Assert.Equal("/v3/conversations/a1b2c3%7Clivechat/activities/a10", calls[^1].RawTarget);

        _host.Time.Advance(TimeSpan.FromSeconds(10));
        using var later = await PostAsync(EmulatorMessage("过一会儿", id: "a11"));
        Assert.Equal(11, _host.Bot.Turns.Count);
    }

    [Fact]
    public async Task Get_Returns405()
    {
        using var response = await _http.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
