using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using PartyAffairs.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PartyAffairs.Bot.Tests.Operations;

/// <summary>Stopping the host while chat pages hold Direct Line streams open.</summary>
public sealed class ShutdownTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Stop_ChatPagesStreaming_StreamsClosedGoingAwayAndHostStopsWithinFiveSeconds()
    {
        var host = new OperationsHost(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Admin:Token"] = "shutdown-test-token",
            ["Reminders:Enabled"] = "false",
        });
        var address = host.StartKestrel();
        using var http = new HttpClient { BaseAddress = address };
        var pages = new List<(ClientWebSocket Socket, Task<WebSocketCloseStatus?> Closed)>();
        for (var i = 0; i < 3; i++)
        {
            pages.Add(await OpenStreamAsync(http, address));
        }

        var watch = Stopwatch.StartNew();
        await host.DisposeAsync();
        watch.Stop();
        output.WriteLine($"stopped in {watch.Elapsed.TotalSeconds:F2} s with {pages.Count} chat pages streaming");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the host took {watch.Elapsed.TotalSeconds:F1} s to stop with chat pages open");
        foreach (var (socket, closed) in pages)
        {
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await closed.WaitAsync(TimeSpan.FromSeconds(5)));
            socket.Dispose();
        }
    }

    /// <summary>Does what the chat page does: a token, a conversation, its stream; then reads the stream as Web Chat does.</summary>
    private static async Task<(ClientWebSocket, Task<WebSocketCloseStatus?>)> OpenStreamAsync(HttpClient http, Uri address)
    {
        using var tokenResponse = await http.PostAsJsonAsync("/api/chat/token", new { });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await http.SendAsync(start);
        var streamUrl = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
        Assert.StartsWith("ws://", streamUrl, StringComparison.Ordinal);

        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        Assert.Equal(WebSocketState.Open, socket.State);
        return (socket, ReadUntilClosedAsync(socket));
    }

    /// <summary>Reads until the server's close frame and answers it; a socket torn down without one throws.</summary>
    private static async Task<WebSocketCloseStatus?> ReadUntilClosedAsync(ClientWebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return result.CloseStatus;
            }
        }
    }
}
