using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Connector;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Tests.BotFramework;

namespace PartyAffairs.BotFramework.Tests.Connector;

/// <summary>
/// The connector endpoint serves the connector's channels only: without an app id it is closed unless Emulator mode is
/// opted in, Emulator mode answers loopback callers only, channels with their own endpoints are refused, and replies go to
/// allowed hosts only (issue 14, item 1).
/// </summary>
public sealed class ConnectorImpersonationTests : IAsyncLifetime
{
    private FakeChannel _channel = null!;

    public async Task InitializeAsync() => _channel = await FakeChannel.StartAsync();

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    private static BotFrameworkHost Host(bool allowUnauthenticated) => new(redis: null, allowUnauthenticated
        ? new Dictionary<string, string?> { ["BotFramework:AllowUnauthenticated"] = "true" }
        : null);

    private string Activity(string channelId, string? serviceUrl = "", bool withConversation = true) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["type"] = "message",
        ["id"] = "1",
        ["text"] = "完成情况",
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl == string.Empty ? _channel.ServiceUrl : serviceUrl,
        ["from"] = new { id = "dl_0123456789abcdef0123456789abcdef", name = "王书记" },
        ["recipient"] = new { id = "bot" },
        ["conversation"] = withConversation ? new { id = "c1" } : null,
    });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await http.SendAsync(request);
    }

    [Fact]
    public async Task DefaultConfiguration_MemberIdPostedAsDirectLine_IsRefusedAndNothingRunsOrIsSent()
    {
        await using var host = Host(allowUnauthenticated: false);
        using var http = host.CreateClient();

        using var response = await PostAsync(http, Activity("directline"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(host.Bot.Turns);
        await Task.Delay(200);
        Assert.Empty(_channel.Calls);
    }

    [Fact]
    public async Task DefaultConfiguration_EmulatorActivity_IsRefused()
    {
        await using var host = Host(allowUnauthenticated: false);
        using var http = host.CreateClient();

        using var response = await PostAsync(http, Activity("emulator"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    [Theory]
    [InlineData("directline")]
    [InlineData("webchat")]
    [InlineData("dingtalk")]
    [InlineData("wecom")]
    [InlineData("DirectLine")]
    public async Task EmulatorMode_ChannelWithItsOwnEndpoint_Is403AndNothingRunsOrIsSent(string channelId)
    {
        await using var host = Host(allowUnauthenticated: true);
        using var http = host.CreateClient();

        using var response = await PostAsync(http, Activity(channelId));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("ChannelNotServed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(host.Bot.Turns);
        await Task.Delay(100);
        Assert.Empty(_channel.Calls);
    }

    [Fact]
    public async Task EmulatorMode_ForwardedByAProxy_IsNotLoopbackAndIsRefused()
    {
        await using var host = Host(allowUnauthenticated: true);
        using var http = host.CreateClient();

        using var response = await PostAsync(http, Activity("emulator"), forwardedFor: "203.0.113.7");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    [Theory]
    [InlineData("https://collector.example.com")]
    [InlineData("http://collector.example.com")]
    [InlineData("https://botframework.com.example.com")]
    [InlineData("ftp://127.0.0.1")]
    public async Task EmulatorMode_ServiceUrlOutsideTheAllowedHosts_Is403AndNothingIsSent(string serviceUrl)
    {
        await using var host = Host(allowUnauthenticated: true);
        using var http = host.CreateClient();

        using var response = await PostAsync(http, Activity("emulator", serviceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task EmulatorMode_LoopbackEmulator_IsAnswered()
    {
        await using var host = Host(allowUnauthenticated: true);
        using var http = host.CreateClient();

        using var response = await PostAsync(http, Activity("emulator"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await _channel.WaitForCallsAsync(1));
    }

    [Fact]
    public async Task EmulatorMode_RealLoopbackConnection_IsAnswered()
    {
        await using var host = Host(allowUnauthenticated: true);
        using var http = new HttpClient { BaseAddress = host.StartKestrel() };

        using var response = await PostAsync(http, Activity("emulator"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("none", true)]
    [InlineData(" ", true)]
    [InlineData("channel", false)]
    public async Task ActivityWithoutServiceUrlOrConversation_Is400Not502(string serviceUrl, bool withConversation)
    {
        await using var host = Host(allowUnauthenticated: true);
        using var http = host.CreateClient();
        var url = serviceUrl switch { "none" => null, "channel" => _channel.ServiceUrl, _ => serviceUrl };

        using var response = await PostAsync(http, Activity("emulator", url, withConversation));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", false, true)]
    [InlineData("https://europe.webchat.botframework.com/", false, true)]
    [InlineData("http://europe.webchat.botframework.com/", false, false)]
    [InlineData("https://evilbotframework.com/", false, false)]
    [InlineData("https://user@smba.trafficmanager.net/", false, false)]
    [InlineData("http://127.0.0.1:9000", false, false)]
    [InlineData("http://127.0.0.1:9000", true, true)]
    [InlineData("http://localhost:9000", true, true)]
    [InlineData("http://[::1]:9000", true, true)]
    [InlineData("https://collector.example.com", true, false)]
    [InlineData(null, true, false)]
    public void ServiceUrlPolicy_AllowsTheConfiguredHostsAndLoopbackInEmulatorModeOnly(string? serviceUrl, bool emulatorMode, bool allowed)
    {
        var policy = new ServiceUrlPolicy(Options.Create(new BotFrameworkOptions { AllowUnauthenticated = emulatorMode }));

        Assert.Equal(allowed, policy.IsAllowed(serviceUrl));
    }

    [Fact]
    public async Task ConnectorClient_ProactiveMessageToAHostOutsideTheList_IsNotSent()
    {
        await using var host = Host(allowUnauthenticated: false);
        var connector = host.Services.GetRequiredService<ConnectorClient>();
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "提醒",
            ServiceUrl = _channel.ServiceUrl,
            Conversation = new ConversationAccount { Id = "c1" },
        };

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.SendAsync(activity, CancellationToken.None));

        Assert.False(error.IsTransient);
        await Task.Delay(100);
        Assert.Empty(_channel.Calls);
    }
}
