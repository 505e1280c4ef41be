using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Bot.Tests.Protocol.Fakes;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Protocol;

/// <summary>The Direct Line WebSocket stream over a real Kestrel socket on 127.0.0.1, as DirectLineJS uses it.</summary>
public sealed class DirectLineStreamTests(RedisServerFixture redis) : DirectLineHostTests(redis, kestrel: true), IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Stream_AfterStart_ReplaysTheGreetingThenPushesEchoReplyAndProactiveMessages()
    {
        var (conversationId, token, start) = await Client.StartConversationAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(start.GetProperty("streamUrl").GetString()!), Timeout());

        var first = await ReceiveActivitiesAsync(socket, 1);
        Assert.Equal(TestBot.Greeting, first.Activities[0].GetProperty("text").GetString());
        Assert.Equal("1", first.Watermark);

        using var posted = await Client.PostMessageAsync(conversationId, token, "你好", "cid-stream");
        var afterPost = await ReceiveActivitiesAsync(socket, 2);
        Assert.Equal("cid-stream", afterPost.Activities[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal($"{conversationId}|0000002", afterPost.Activities[0].GetProperty("id").GetString());
        Assert.Equal("echo: 你好", afterPost.Activities[1].GetProperty("text").GetString());
        Assert.Equal("3", afterPost.Watermark);

        var reference = Host.Bot.Turns.Last(t => t.Conversation?.Id == conversationId).GetConversationReference();
        await Host.Services.GetRequiredService<IProactiveMessenger>().SendAsync(reference, Activity.CreateMessageActivity("请于月底前交纳党费"), CancellationToken.None);
        var proactive = await ReceiveActivitiesAsync(socket, 1);
        Assert.Equal("请于月底前交纳党费", proactive.Activities[0].GetProperty("text").GetString());
        Assert.Equal("4", proactive.Watermark);

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Timeout());
        Assert.Equal(WebSocketState.Closed, socket.State);
    }

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
        await socket.ConnectAsync(new Uri(streamUrl), Timeout());

        var replay = await ReceiveActivitiesAsync(socket, 1);

        Assert.Equal("echo: 第一条", replay.Activities.Single().GetProperty("text").GetString());
        Assert.Equal("3", replay.Watermark);
    }

    [Fact]
    public async Task Stream_ExpiredToken_IsRefusedBeforeTheUpgrade()
    {
        var (_, _, start) = await Client.StartConversationAsync();
        Host.Time.Advance(TimeSpan.FromHours(1));
        using var socket = new ClientWebSocket();

        var error = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(start.GetProperty("streamUrl").GetString()!), Timeout()));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    /// <summary>Reads ActivitySet frames (skipping keep-alives) until at least <paramref name="count"/> activities arrived.</summary>
    private static async Task<(List<JsonElement> Activities, string? Watermark)> ReceiveActivitiesAsync(WebSocket socket, int count)
    {
        var activities = new List<JsonElement>();
        string? watermark = null;
        var buffer = new byte[64 * 1024];
        var cancellation = Timeout();
        while (activities.Count < count)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancellation);
                Assert.Equal(WebSocketMessageType.Text, result.MessageType);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (message.Length == 0)
            {
                continue;
            }

            var frame = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
            activities.AddRange(frame.GetProperty("activities").EnumerateArray());
            watermark = frame.GetProperty("watermark").GetString();
        }

        return (activities, watermark);
    }
}
