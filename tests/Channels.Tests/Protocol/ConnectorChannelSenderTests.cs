using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Tests.BotFramework;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Channels.Tests.Protocol;

/// <summary>Proactive messages to Connector channels (Emulator, Teams …) through <see cref="IProactiveMessenger"/>, against a fake channel on loopback.</summary>
public sealed class ConnectorChannelSenderTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    // One attempt: the host's clock is a fake that does not move, so a retry would wait for ever (the retry layer has its own tests).
    private readonly BotFrameworkHost _host = new(redis, new Dictionary<string, string?>
    {
        ["Delivery:Retry:MaxAttempts"] = "1",
        // The fake channels listen on loopback: Emulator mode is what allows replies there.
        ["BotFramework:AllowUnauthenticated"] = "true",
    }, builder => builder.AddChannels());
    private FakeChannel _channel = null!;

    public async Task InitializeAsync() => _channel = await FakeChannel.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
    }

    [Fact]
    public async Task ProactiveMessage_ToEmulatorConversation_UsesSendToConversation()
    {
        var messenger = _host.Services.GetRequiredService<IProactiveMessenger>();
        var reference = new ConversationReference
        {
            ActivityId = "act|9",
            ChannelId = "emulator",
            ServiceUrl = _channel.ServiceUrl,
            Conversation = new ConversationAccount { Id = "conv|livechat" },
            User = new ChannelAccount { Id = "user-1" },
            Bot = new ChannelAccount { Id = "bot-1" },
            Locale = "zh-CN",
        };

        var result = await messenger.SendAsync(reference, Activity.CreateMessageActivity("本月党费请于25日前交纳"), CancellationToken.None);

        Assert.Equal("fake-1", result.Id);
        var call = Assert.Single(await _channel.WaitForCallsAsync(1));
        Assert.Equal("/v3/conversations/conv%7Clivechat/activities", call.RawTarget);
        Assert.False(call.Body.TryGetProperty("replyToId", out _));
        Assert.Equal("user-1", call.Body.GetProperty("recipient").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ProactiveMessage_ChannelUnreachable_FailsAsTransient()
    {
        var messenger = _host.Services.GetRequiredService<IProactiveMessenger>();
        var closedPort = _channel.ServiceUrl;
        await _channel.DisposeAsync();
        var reference = new ConversationReference { ChannelId = "msteams", ServiceUrl = closedPort, Conversation = new ConversationAccount { Id = "19:abc" } };

        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() => messenger.SendAsync(reference, Activity.CreateMessageActivity("x"), CancellationToken.None));

        Assert.True(error.IsTransient);
    }
}
