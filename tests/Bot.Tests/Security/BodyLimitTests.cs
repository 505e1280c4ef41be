using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using PartyAffairs.Bot.Tests.Operations;
using PartyAffairs.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PartyAffairs.Bot.Tests.Security;

/// <summary>
/// Chunked (unknown-length) bodies are capped like declared ones on every endpoint (issue 14, item 3): 16 concurrent
/// 30 MB bodies get a JSON 413 each, and the process's managed memory after a full collection is back near its baseline.
/// Raw sockets, so the client keeps sending until the server answers, as an attacker would.
/// </summary>
public sealed class BodyLimitTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminToken = "body-limit-admin-token";
    private const string Secret = "body-limit-directline-secret";
    private const long BodyBytes = 30L * 1024 * 1024;
    private readonly RedisServerFixture _redis = new();
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "pa-bodies-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => _redis.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    [Fact]
    public async Task SixteenConcurrentThirtyMegabyteChunkedBodies_Json413Each_AndMemoryReturnsNearBaseline()
    {
        await using var host = new OperationsHost(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = _redis.Configuration,
            ["Admin:Token"] = AdminToken,
            ["DirectLine:Secret"] = Secret,
            ["BotFramework:AllowUnauthenticated"] = "true",
            ["Reminders:Enabled"] = "false",
            ["Storage:DataDir"] = _dataDir,
        });
        var address = host.StartKestrel();
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        (await http.PostAsJsonAsync("/api/admin/branches", new { id = "big", name = "支部" })).EnsureSuccessStatusCode();
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        var token = (await (await http.SendAsync(tokenRequest)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        (string Method, string Path, string? Bearer)[] targets =
        [
            ("POST", "/api/chat/token", null),
            ("POST", "/v3/directline/conversations", token),
            ("POST", "/v3/directline/tokens/generate", Secret),
            ("PUT", "/api/admin/branches/big/settings", AdminToken),
            ("POST", "/api/admin/branches", AdminToken),
            ("POST", "/api/admin/branches/big/roster", AdminToken),
            ("POST", "/api/messages", null),
            ("PUT", "/api/admin/calendar/2027", AdminToken),
        ];
        var baseline = Settle();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => SendChunkedAsync(address, targets[i % targets.Length])));

        foreach (var ((method, path, _), (status, body)) in answers.Select((a, i) => (targets[i % targets.Length], a)))
        {
            output.WriteLine($"{method} {path}: {status} {body}");
            Assert.Equal(413, status);
            using var json = JsonDocument.Parse(body);
            Assert.True(json.RootElement.TryGetProperty("error", out _), $"{path} answered without a JSON error: {body}");
        }

        var after = Settle();
        output.WriteLine($"managed memory: {baseline / 1048576} MB before, {after / 1048576} MB after");
        // Without caps the bodies were buffered whole (16 × 30 MB); with them each request holds at most its cap.
        Assert.True(after - baseline < 64L * 1024 * 1024, $"managed memory grew from {baseline / 1048576} MB to {after / 1048576} MB");
    }

    private static long Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Sends a chunked JSON body of <see cref="BodyBytes"/> until the server answers or closes; returns the status and body.</summary>
    private static async Task<(int Status, string Body)> SendChunkedAsync(Uri address, (string Method, string Path, string? Bearer) target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var head = new StringBuilder()
            .Append(target.Method).Append(' ').Append(target.Path).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(address.Authority).Append("\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append("Transfer-Encoding: chunked\r\n");
        if (target.Bearer is not null)
        {
            head.Append("Authorization: Bearer ").Append(target.Bearer).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        var reading = ReadResponseAsync(stream);
        var chunk = Encoding.ASCII.GetBytes("[" + new string('1', 65_534));
        var frame = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n").Concat(chunk).Concat("\r\n"u8.ToArray()).ToArray();
        try
        {
            for (long sent = 0; sent < BodyBytes && !reading.IsCompleted; sent += chunk.Length)
            {
                await stream.WriteAsync(frame);
                chunk[0] = (byte)'1';
            }

            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        catch (IOException)
        {
            // The server answered and closed the connection while the body was still coming.
        }

        return await reading.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task<(int Status, string Body)> ReadResponseAsync(NetworkStream stream)
    {
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                received.Write(buffer, 0, read);
                if (TryParse(received.ToArray()) is { } complete)
                {
                    return complete;
                }
            }
        }
        catch (IOException)
        {
            // Reset after the answer.
        }

        return TryParse(received.ToArray()) ?? (0, Encoding.UTF8.GetString(received.ToArray()));
    }

    /// <summary>The status and JSON body once the response holds a whole JSON object (chunked or not).</summary>
    private static (int Status, string Body)? TryParse(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0 || !text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
        {
            return null;
        }

        var status = int.Parse(text.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        var body = text[(end + 4)..];
        var open = body.IndexOf('{', StringComparison.Ordinal);
        var close = body.LastIndexOf('}');
        if (open < 0 || close < open)
        {
            return null;
        }

        var json = body[open..(close + 1)];
        try
        {
            using var _ = JsonDocument.Parse(json);
            return (status, json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
