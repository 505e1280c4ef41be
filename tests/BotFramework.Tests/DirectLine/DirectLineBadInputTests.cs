using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PartyAffairs.Tests.BotFramework;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.BotFramework.Tests.DirectLine;

/// <summary>Bad input to Direct Line: a clear 4xx, never a 500, and nothing written.</summary>
public sealed class DirectLineBadInputTests(RedisServerFixture redis) : DirectLineHostTests(redis), IClassFixture<RedisServerFixture>
{
    public static TheoryData<string, string, HttpStatusCode, string> BadActivities => new()
    {
        { """{"type":"message","text":""", "application/json", HttpStatusCode.BadRequest, "BadArgument" },
        { "not json at all", "application/json", HttpStatusCode.BadRequest, "BadArgument" },
        { "[1,2,3]", "application/json", HttpStatusCode.BadRequest, "BadArgument" },
        { "null", "application/json", HttpStatusCode.BadRequest, "MissingBody" },
        { """{"text":"没有类型"}""", "application/json", HttpStatusCode.BadRequest, "MissingType" },
        { """{"type":"","text":"空类型"}""", "application/json", HttpStatusCode.BadRequest, "MissingType" },
        { """{"type":"teleport","text":"x"}""", "application/json", HttpStatusCode.BadRequest, "UnknownActivityType" },
        { """{"type":"invoke","name":"x"}""", "application/json", HttpStatusCode.BadRequest, "UnsupportedActivityType" },
        { """{"type":"conversationUpdate"}""", "application/json", HttpStatusCode.BadRequest, "UnsupportedActivityType" },
        { """{"type":"message","timestamp":"not a time"}""", "application/json", HttpStatusCode.BadRequest, "BadArgument" },
        { """{"type":"message","text":"你好"}""", "text/plain", HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType" },
        { """{"type":"message","text":"你好"}""", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType" },
        { "{\"type\":\"message\",\"text\":\"" + new string('长', 2001) + "\"}", "application/json", HttpStatusCode.BadRequest, "TextTooLong" },
        { "{\"type\":\"message\",\"text\":\"" + new string('x', 70_000) + "\"}", "application/json", HttpStatusCode.RequestEntityTooLarge, "PayloadTooLarge" },
    };

    [Theory]
    [MemberData(nameof(BadActivities))]
    public async Task PostActivity_BadInput_ReturnsClear4xxAndWritesNothing(string body, string contentType, HttpStatusCode expected, string code)
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        var turnsBefore = Host.Bot.Turns.Count;

        using var response = await Client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, body, contentType);

        Assert.Equal(expected, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, error.GetProperty("error").GetProperty("code").GetString());
        var (activities, _) = await Client.GetActivitiesAsync(conversationId, token);
        Assert.Single(activities);
        Assert.Equal(turnsBefore, Host.Bot.Turns.Count);
    }

    [Fact]
    public async Task PostActivity_ChunkedBodyOver64KB_Returns413()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        using var request = DirectLineTestClient.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token);
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"" + new string('x', 70_000) + "\"}");
        request.Content = new StreamContent(new MemoryStream(bytes));
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_UnknownConversationWithSecret_Returns404()
    {
        using var response = await Client.SendAsync(HttpMethod.Post, "/v3/directline/conversations/0123456789abcdef0123456789abcdef/activities",
            BotFrameworkHost.Secret, """{"type":"message","text":"x","from":{"id":"u"}}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_EleventhMessageWithinTenSeconds_Returns429UntilTheWindowPasses()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        for (var i = 0; i < 10; i++)
        {
            using var accepted = await Client.PostMessageAsync(conversationId, token, $"消息{i}");
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Host.Time.Advance(TimeSpan.FromMilliseconds(500));
        }

        using var limited = await Client.PostMessageAsync(conversationId, token, "第十一条");
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Another member is not affected.
        var (otherConversation, otherToken, _) = await Client.StartConversationAsync();
        using var other = await Client.PostMessageAsync(otherConversation, otherToken, "你好");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        // Once the oldest message leaves the 10-second window, one more is accepted.
        Host.Time.Advance(TimeSpan.FromSeconds(5.1));
        using var later = await Client.PostMessageAsync(conversationId, token, "过一会儿");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);

        var all = await Client.GetAllActivitiesAsync(conversationId, token);
        Assert.DoesNotContain(all, a => a.GetProperty("text").GetString() == "第十一条");
    }

    [Theory]
    [InlineData("/v3/directline/conversations", "{\"user\":")]
    [InlineData("/v3/directline/tokens/generate", "[}")]
    public async Task StartOrGenerate_MalformedBody_Returns400(string path, string body)
    {
        using var response = await Client.SendAsync(HttpMethod.Post, path, BotFrameworkHost.Secret, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Stream_PlainHttpRequest_Returns400()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();

        using var response = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
