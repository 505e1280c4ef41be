using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using PartyAffairs.BotFramework.Connector;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.BotFramework.Tests.Fakes;
using PartyAffairs.Tests.BotFramework;

namespace PartyAffairs.BotFramework.Tests.Connector;

/// <summary>The connector endpoint with an app id: channel JWTs checked against a loopback OpenID metadata/JWKS server.</summary>
public sealed class ConnectorAuthenticationTests : IAsyncLifetime
{
    private FakeIdentityProvider _identity = null!;
    private FakeChannel _channel = null!;
    private BotFrameworkHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _identity = await FakeIdentityProvider.StartAsync();
        _channel = await FakeChannel.StartAsync();
        _host = new BotFrameworkHost(redis: null, new Dictionary<string, string?>
        {
            ["BotFramework:MicrosoftAppId"] = FakeIdentityProvider.AppId,
            ["BotFramework:MicrosoftAppPassword"] = FakeIdentityProvider.AppPassword,
            ["BotFramework:OpenIdMetadataUrl"] = _identity.MetadataUrl,
            ["BotFramework:TokenEndpoint"] = _identity.TokenEndpoint,
            ["BotFramework:RequireHttpsMetadata"] = "false",
            ["BotFramework:AllowedServiceUrlHosts:0"] = "127.0.0.1",
        });
        _http = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
        await _identity.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string? token, string channelId = "msteams", string? serviceUrl = null)
    {
        var activity = JsonSerializer.Serialize(new
        {
            type = "message",
            id = "1700000000000",
            text = "你好",
            channelId,
            serviceUrl = serviceUrl ?? _channel.ServiceUrl,
            from = new { id = "29:user", name = "王小明" },
            recipient = new { id = "28:" + FakeIdentityProvider.AppId, name = "提醒助手" },
            conversation = new { id = "a:1x2y3z" },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _http.SendAsync(request);
    }

    [Fact]
    public async Task ValidChannelToken_IsAccepted_AndRepliesCarryACachedBotToken()
    {
        using var first = await PostAsync(_identity.CreateChannelToken(_channel.ServiceUrl));
        using var second = await PostAsync(_identity.CreateChannelToken(_channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var calls = await _channel.WaitForCallsAsync(2);
        Assert.All(calls, c => Assert.Equal("Bearer bot-token-1", c.Authorization));
        Assert.Equal(1, _identity.TokenRequests);
    }

    [Fact]
    public async Task BotToken_NearExpiry_IsFetchedAgain()
    {
        using var first = await PostAsync(_identity.CreateChannelToken(_channel.ServiceUrl));
        _host.Time.Advance(TimeSpan.FromMinutes(56)); // the token lives 60 minutes; it is renewed 5 minutes early
        using var second = await PostAsync(_identity.CreateChannelToken(_channel.ServiceUrl, expires: _host.Time.GetUtcNow().UtcDateTime.AddMinutes(30)));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var calls = await _channel.WaitForCallsAsync(2);
        Assert.Equal("Bearer bot-token-2", calls[1].Authorization);
        Assert.Equal(2, _identity.TokenRequests);
    }

    [Fact]
    public async Task BotToken_RejectedByTheChannel_DroppedAndTheNextCallFetchesANewOne()
    {
        var connector = _host.Services.GetRequiredService<ConnectorClient>();
        Activity Reply(string text) => new()
        {
            Type = ActivityTypes.Message,
            Text = text,
            ServiceUrl = _channel.ServiceUrl,
            Conversation = new ConversationAccount { Id = "a:1x2y3z" },
            From = new ChannelAccount { Id = "28:" + FakeIdentityProvider.AppId },
            Recipient = new ChannelAccount { Id = "29:user" },
        };
        await connector.SendAsync(Reply("一"), CancellationToken.None);
        _channel.Unauthorized = 1; // the channel no longer accepts the cached token (revoked)

        var rejected = await Assert.ThrowsAsync<ConnectorException>(() => connector.SendAsync(Reply("二"), CancellationToken.None));
        await connector.SendAsync(Reply("三"), CancellationToken.None);

        Assert.True(rejected.IsTransient);
        Assert.Equal("Bearer bot-token-1", Assert.Single(_channel.Rejected).Authorization);
        Assert.Equal(["Bearer bot-token-1", "Bearer bot-token-2"], _channel.Calls.Select(c => c.Authorization));
        Assert.Equal(2, _identity.TokenRequests);
    }

    [Fact]
    public async Task NoAuthorizationHeader_Returns401()
    {
        using var response = await PostAsync(token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
    }

    public static TheoryData<string> SpoiledTokens => new() { "wrong-issuer", "wrong-audience", "expired", "bad-signature", "symmetric-algorithm", "garbage" };

    [Theory]
    [MemberData(nameof(SpoiledTokens))]
    public async Task InvalidChannelToken_Returns401AndRunsNothing(string spoiled)
    {
        var serviceUrl = _channel.ServiceUrl;
        using var otherKey = RSA.Create(2048);
        var token = spoiled switch
        {
            "wrong-issuer" => _identity.CreateChannelToken(serviceUrl, issuer: "https://evil.example"),
            "wrong-audience" => _identity.CreateChannelToken(serviceUrl, audience: "some-other-bot"),
            "expired" => _identity.CreateChannelToken(serviceUrl, expires: DateTime.UtcNow.AddMinutes(-6)),
            // Same key id, different private key: the signature does not verify.
            "bad-signature" => _identity.CreateChannelToken(serviceUrl, signingKey: new RsaSecurityKey(otherKey) { KeyId = FakeIdentityProvider.KeyId }),
            "symmetric-algorithm" => _identity.CreateChannelToken(serviceUrl, signingKey: new SymmetricSecurityKey(new byte[32]) { KeyId = FakeIdentityProvider.KeyId }, algorithm: SecurityAlgorithms.HmacSha256),
            _ => "not.a.jwt",
        };

        using var response = await PostAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
        Assert.Empty(_channel.Calls);
    }

    [Fact]
    public async Task ServiceUrlClaimMismatch_Returns403()
    {
        using var response = await PostAsync(_identity.CreateChannelToken("https://smba.trafficmanager.net/teams/"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
    }

    [Fact]
    public async Task ValidTokenForAServiceUrlOutsideTheAllowedHosts_Returns403AndSendsNothing()
    {
        const string elsewhere = "https://collector.example.com/hook";

        using var response = await PostAsync(_identity.CreateChannelToken(elsewhere), serviceUrl: elsewhere);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
        Assert.Empty(_channel.Calls);
    }

    [Fact]
    public async Task DirectLineChannelWithAValidToken_IsNotServedHere()
    {
        using var response = await PostAsync(_identity.CreateChannelToken(_channel.ServiceUrl), channelId: "directline");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
    }

    [Fact]
    public async Task ChannelNotEndorsedBySigningKey_Returns403()
    {
        using var response = await PostAsync(_identity.CreateChannelToken(_channel.ServiceUrl), channelId: "skype");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
    }

    [Fact]
    public async Task ExpiredWithinClockSkew_IsAccepted()
    {
        using var response = await PostAsync(_identity.CreateChannelToken(_channel.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-4)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
