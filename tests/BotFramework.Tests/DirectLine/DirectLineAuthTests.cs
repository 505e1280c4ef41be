using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PartyAffairs.Tests.BotFramework;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.BotFramework.Tests.DirectLine;

/// <summary>Direct Line credentials: the secret, tokens, refresh, expiry, and a token reaching only its own conversation.</summary>
public sealed class DirectLineAuthTests(RedisServerFixture redis) : DirectLineHostTests(redis), IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task GenerateToken_WithSecretAndUser_ReturnsTokenNamingThatUser()
    {
        var (conversationId, token) = await Client.GenerateTokenAsync("dl_member42");

        Assert.Matches("^[0-9a-f]{32}$", conversationId);
        // Web Chat reads the user id from the token's "user" claim.
        var payload = token.Split('.')[1];
        var claims = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=').Replace('-', '+').Replace('_', '/'))).RootElement;
        Assert.Equal("dl_member42", claims.GetProperty("user").GetString());
        Assert.Equal(conversationId, claims.GetProperty("conv").GetString());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-secret", HttpStatusCode.Forbidden)]
    public async Task GenerateToken_WithoutTheSecret_IsRefused(string? credential, HttpStatusCode expected)
    {
        using var response = await Client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", credential);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task GenerateToken_WithAToken_IsForbidden()
    {
        var (_, token) = await Client.GenerateTokenAsync();

        using var response = await Client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RefreshToken_ValidToken_ReturnsANewTokenForTheSameConversation()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        Host.Time.Advance(TimeSpan.FromMinutes(15));

        using var response = await Client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(conversationId, json.GetProperty("conversationId").GetString());
        var refreshed = json.GetProperty("token").GetString()!;
        Assert.NotEqual(token, refreshed);

        // The old token expires 30 minutes after issue; the refreshed one is still good then.
        Host.Time.Advance(TimeSpan.FromMinutes(20));
        using var old = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        using var fresh = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", refreshed);
        Assert.Equal(HttpStatusCode.Forbidden, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_AnyCall_Returns403TokenExpired()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        Host.Time.Advance(TimeSpan.FromSeconds(1801));

        using var get = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        using var post = await Client.PostMessageAsync(conversationId, token, "你好");
        using var refresh = await Client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);

        foreach (var response in new[] { get, post, refresh })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var error = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("TokenExpired", error.GetProperty("error").GetProperty("code").GetString());
        }

        var (activities, _) = await Client.GetActivitiesAsync(conversationId, BotFrameworkHost.Secret);
        Assert.Single(activities); // only the greeting: the refused post wrote nothing
    }

    [Fact]
    public async Task OtherConversationsToken_EveryConversationRoute_Returns403()
    {
        var (victim, _, _) = await Client.StartConversationAsync();
        var (_, intruderToken, _) = await Client.StartConversationAsync();

        using var get = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{victim}/activities", intruderToken);
        using var post = await Client.PostMessageAsync(victim, intruderToken, "偷看");
        using var reconnect = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{victim}", intruderToken);
        using var stream = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{victim}/stream?t={Uri.EscapeDataString(intruderToken)}", null);

        Assert.All(new[] { get, post, reconnect, stream }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        var (activities, _) = await Client.GetActivitiesAsync(victim, BotFrameworkHost.Secret);
        Assert.Single(activities);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-token", HttpStatusCode.Forbidden)]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJjb252IjoieCIsInVzZXIiOiJ5In0.c2lnbmF0dXJl", HttpStatusCode.Forbidden)]
    public async Task GetActivities_MissingOrForgedCredential_IsRefused(string? credential, HttpStatusCode expected)
    {
        var (conversationId, _, _) = await Client.StartConversationAsync();

        using var response = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", credential);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Secret_StartsConversationsAndReadsAnyOfThem()
    {
        using var start = await Client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", BotFrameworkHost.Secret, """{"user":{"id":"u_secret"}}""");
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var conversationId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;

        using var post = await Client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", BotFrameworkHost.Secret,
            """{"type":"message","text":"你好","from":{"id":"u_secret"}}""");
        var (activities, _) = await Client.GetActivitiesAsync(conversationId, BotFrameworkHost.Secret);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(3, activities.Length);
        Assert.Equal("u_secret", activities[1].GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ChatPageToken_ReturningBrowser_ResumesItsOwnConversationOnly()
    {
        using var first = await Client.Http.PostAsync("/api/chat/token", null);
        var issued = await first.Content.ReadFromJsonAsync<JsonElement>();
        var userId = issued.GetProperty("userId").GetString()!;
        var conversationId = issued.GetProperty("conversationId").GetString()!;
        using var start = await Client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", issued.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);

        using var again = await Client.Http.PostAsJsonAsync("/api/chat/token", new { userId, conversationId });
        using var stranger = await Client.Http.PostAsJsonAsync("/api/chat/token", new { userId = "dl_" + new string('0', 32), conversationId });

        var resumed = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(resumed.GetProperty("resumed").GetBoolean());
        Assert.Equal(conversationId, resumed.GetProperty("conversationId").GetString());
        var other = await stranger.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(other.GetProperty("resumed").GetBoolean());
        Assert.NotEqual(conversationId, other.GetProperty("conversationId").GetString());
        Assert.Matches("^dl_[0-9a-f]{32}$", userId);
        Assert.DoesNotContain(BotFrameworkHost.Secret, await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
