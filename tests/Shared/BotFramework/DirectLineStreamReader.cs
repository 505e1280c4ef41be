using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace PartyAffairs.Tests.BotFramework;

/// <summary>Reads the Direct Line WebSocket stream as DirectLineJS does.</summary>
internal static class DirectLineStreamReader
{
    /// <summary>A ten-second limit for one step of a stream test.</summary>
    public static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    /// <summary>Reads ActivitySet frames (skipping keep-alives) until at least <paramref name="count"/> activities arrived.</summary>
    public static async Task<(List<JsonElement> Activities, string? Watermark)> ReceiveActivitiesAsync(WebSocket socket, int count)
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
