using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Tests.BotFramework;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.BotFramework.Tests.DirectLine;

/// <summary>The Direct Line WebSocket stream over a real Kestrel socket on 127.0.0.1, as DirectLineJS uses it.</summary>
public sealed class DirectLineStreamTests(RedisServerFixture redis) : DirectLineHostTests(redis, kestrel: true), IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Stream_ReconnectWithWatermark_ReplaysOnlyWhatCameAfterIt()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        using (await Client.PostMessageAsync(conversationId, token, "第一条"))
        {
        }

        using var reconnect = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=2", token);
        var streamUrl = (await reconnect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), DirectLineStreamReader.Timeout());

        var replay = await DirectLineStreamReader.ReceiveActivitiesAsync(socket, 1);

        Assert.Equal("echo: 第一条", replay.Activities.Single().GetProperty("text").GetString());
        Assert.Equal("3", replay.Watermark);
    }

    [Fact]
    public async Task Stream_ExpiredToken_IsRefusedBeforeTheUpgrade()
    {
        var (_, _, start) = await Client.StartConversationAsync();
        Host.Time.Advance(TimeSpan.FromHours(1));
        using var socket = new ClientWebSocket();

        var error = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(start.GetProperty("streamUrl").GetString()!), DirectLineStreamReader.Timeout()));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }
}
