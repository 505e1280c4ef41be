using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Tests.BotFramework;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.BotFramework.Tests.DirectLine;

/// <summary>Direct Line 3.0 conversations end to end over HTTP, with transcripts in a real redis-server.</summary>
public sealed class DirectLineConversationTests(RedisServerFixture redis) : DirectLineHostTests(redis, new Dictionary<string, string?> { ["DirectLine:PageSize"] = "3" }), IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task StartConversation_NewToken_Returns201WithStreamUrlAndGreets()
    {
        var (conversationId, _, start) = await Client.StartConversationAsync();

        Assert.Equal(conversationId, start.GetProperty("conversationId").GetString());
        Assert.Equal(1800, start.GetProperty("expires_in").GetInt32());
        var streamUrl = start.GetProperty("streamUrl").GetString()!;
        Assert.StartsWith("ws://", streamUrl, StringComparison.Ordinal);
        Assert.Contains($"/v3/directline/conversations/{conversationId}/stream?watermark=", streamUrl, StringComparison.Ordinal);
        Assert.Contains("&t=", streamUrl, StringComparison.Ordinal);

        var update = Assert.Single(Host.Bot.Turns, t => t.Conversation?.Id == conversationId);
        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Equal("zh-CN", update.Locale);
        Assert.Equal(2, update.MembersAdded!.Count);

        var (activities, watermark) = await Client.GetActivitiesAsync(conversationId, start.GetProperty("token").GetString()!);
        var greeting = Assert.Single(activities);
        Assert.Equal(TestBot.Greeting, greeting.GetProperty("text").GetString());
        Assert.Equal("bot", greeting.GetProperty("from").GetProperty("role").GetString());
        Assert.False(greeting.TryGetProperty("replyToId", out _));
        Assert.Equal("1", watermark);
    }

    [Fact]
    public async Task StartConversation_SameTokenTwice_Returns200AndGreetsOnce()
    {
        var (conversationId, token) = await Client.GenerateTokenAsync();
        using var first = await Client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        using var second = await Client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(Host.Bot.Turns, t => t.Conversation?.Id == conversationId);
    }

    [Fact]
    public async Task PostActivity_WebChatMessage_EchoesItWithClientActivityIdAndServerFields()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        const string sent = """
            {"type":"message","text":"党费多久交一次","textFormat":"plain","locale":"zh-CN","channelId":"webchat",
             "timestamp":"2001-01-01T00:00:00Z","localTimestamp":"2026-11-23T09:30:00.101+08:00","localTimezone":"Asia/Shanghai",
             "from":{"id":"someone-else","name":"王小明","role":"user"},
             "entities":[{"type":"ClientCapabilities","requiresBotState":true}],
             "channelData":{"clientActivityID":"1715000000101abcde","custom":{"keep":[1,2]}}}
            """;

        using var response = await Client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, sent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal($"{conversationId}|0000002", id);

        var (activities, watermark) = await Client.GetActivitiesAsync(conversationId, token);
        Assert.Equal("3", watermark);
        var echo = activities[1];
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("1715000000101abcde", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("[1,2]", echo.GetProperty("channelData").GetProperty("custom").GetProperty("keep").GetRawText());
        Assert.Equal("directline", echo.GetProperty("channelId").GetString());
        Assert.Equal("2026-11-23T09:30:00.101+08:00", echo.GetProperty("localTimestamp").GetString());
        Assert.Equal(conversationId, echo.GetProperty("conversation").GetProperty("id").GetString());

        // The token's user is the sender, whatever the body claims; the timestamp is the server's, in UTC.
        var tokenUser = Host.Bot.Turns.First(t => t.Conversation?.Id == conversationId).From!.Id;
        Assert.Equal(tokenUser, echo.GetProperty("from").GetProperty("id").GetString());
        var timestamp = echo.GetProperty("timestamp").GetString()!;
        Assert.EndsWith("Z", timestamp, StringComparison.Ordinal);
        Assert.True(DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(-5));

        var reply = activities[2];
        Assert.Equal("echo: 党费多久交一次", reply.GetProperty("text").GetString());
        Assert.Equal(id, reply.GetProperty("replyToId").GetString());
        Assert.Equal("帮助", reply.GetProperty("suggestedActions").GetProperty("actions")[0].GetProperty("value").GetString());
        Assert.True(string.CompareOrdinal(timestamp, reply.GetProperty("timestamp").GetString()) < 0, "the echo sorts before the reply");
    }

    [Fact]
    public async Task GetActivities_WatermarkPaging_ReturnsEveryActivityOnceInOrder()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        for (var i = 1; i <= 3; i++)
        {
            using var posted = await Client.PostMessageAsync(conversationId, token, $"第{i}条");
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var seen = new List<string>();
        var watermarks = new List<string?>();
        string? watermark = "";
        while (true)
        {
            var (page, next) = await Client.GetActivitiesAsync(conversationId, token, watermark);
            if (page.Length == 0)
            {
                Assert.Equal(watermark, next);
                break;
            }

            Assert.True(page.Length <= 3);
            seen.AddRange(page.Select(a => a.GetProperty("id").GetString()!));
            watermarks.Add(next);
            watermark = next;
        }

        Assert.Equal(Enumerable.Range(1, 7).Select(n => $"{conversationId}|{n:D7}"), seen);
        Assert.Equal(["3", "6", "7"], watermarks);
    }

    [Fact]
    public async Task PostActivity_BotFails_Returns502AndKeepsTheEchoAndApologises()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();

        using var response = await Client.PostMessageAsync(conversationId, token, "fail", "cid-fail");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var (activities, _) = await Client.GetActivitiesAsync(conversationId, token);
        Assert.Equal("cid-fail", activities[1].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("服务暂时不可用，请稍后再试。", activities[2].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Reconnect_WithWatermark_ReturnsStreamUrlFromThatWatermarkAndFreshToken()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();

        using var response = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=0", token);
        using var unknown = await Client.SendAsync(HttpMethod.Get, "/v3/directline/conversations/0123456789abcdef0123456789abcdef", BotFrameworkHost.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("stream?watermark=0&t=", json.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("token").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Options_Preflight_AllowsDirectLineJsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", "http://elsewhere.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");

        using var response = await Client.Http.SendAsync(request);


        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("x-ms-bot-agent", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
