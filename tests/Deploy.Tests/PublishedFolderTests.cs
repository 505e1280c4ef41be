using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace PartyAffairs.Deploy.Tests;

/// <summary>
/// The folder <c>deploy/publish-offline.sh</c> makes, started as on an intranet machine: from that folder, on a free
/// loopback port, with no SDK on the PATH (an empty PATH) and a fresh HOME, structured (JSON) console logs.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class PublishedFolderTests(PublishedFolder published) : IClassFixture<PublishedFolder>
{
    [Fact]
    public async Task PublishedFolder_StartedWithoutSdk_ServesChatPageAdminApiWithFirstRunTokenMetricsAndStopsQuickly()
    {
        var port = FreePort();
        using var bot = StartPublished(port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitHealthyAsync(http, bot);

        // The chat page with the Web Chat bundle from the published folder.
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("lib/webchat.js", page, StringComparison.Ordinal);
        using var bundle = await http.GetAsync(new Uri("/lib/webchat.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True((await bundle.Content.ReadAsByteArrayAsync()).Length > 1_000_000, "the Web Chat bundle is served");

        // The admin token generated on first run, owner-only, under the data folder (./data of the working directory).
        var tokenFile = Path.Combine(published.Path, "data", "admin-token");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        var token = (await File.ReadAllTextAsync(tokenFile)).Trim();
        using var anonymous = await http.PostAsJsonAsync("/api/admin/branches", new { id = "deploy1", name = "部署测试支部" });
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/admin/branches") { Content = JsonContent.Create(new { id = "deploy1", name = "部署测试支部" }) };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var created = await http.SendAsync(create);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // A chat page: its stream stays open; one turn; the metrics count it.
        var (conversationId, conversationToken, streamUrl) = await StartConversationAsync(http);
        using var stream = new ClientWebSocket();
        await stream.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var streamClosed = ReadUntilClosedAsync(stream);
        using var turn = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = new StringContent("""{"type":"message","text":"帮助","from":{"id":"u"}}""", Encoding.UTF8, "application/json"),
        };
        turn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversationToken);
        using var turned = await http.SendAsync(turn);
        Assert.Equal(HttpStatusCode.OK, turned.StatusCode);
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("partyaffairs_turns_total{otel_scope_name=\"PartyAffairs.Conversation\",channel=\"directline\",outcome=\"handled\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("partyaffairs_queue_length{otel_scope_name=\"PartyAffairs.Store\",queue=\"reminders\"} 0", metrics, StringComparison.Ordinal);

        // SIGTERM, as systemd and docker stop it: the open stream is closed first and the process ends within 5 s.
        var watch = Stopwatch.StartNew();
        Assert.Equal(0, (await Repository.RunAsync("kill", ["-TERM", bot.Process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5))).ExitCode);
        Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(5)), "the published bot did not stop within 5 s of SIGTERM with a chat page open");
        Assert.Equal(0, bot.Process.ExitCode);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await streamClosed.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));

        // Logs: one JSON object per line, no warnings, the banner once with the token's file, never the token.
        var lines = bot.Lines;
        Assert.Empty(bot.Errors);
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.DoesNotContain(entries, e => e.GetProperty("LogLevel").GetString() is "Warning" or "Error" or "Critical");
        var banner = Assert.Single(entries, e => e.GetProperty("EventId").GetInt32() == 1500).GetProperty("Message").GetString()!;
        Assert.Contains(tokenFile, banner, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{port}/console", banner, StringComparison.Ordinal);
        Assert.All(lines, line => Assert.DoesNotContain(token, line, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("GetGarnet", StringComparison.Ordinal) || line.Contains('\u001b', StringComparison.Ordinal));
    }

    [Fact]
    public async Task SystemdUnit_PointedAtThePublishedFolder_PassesSystemdAnalyzeVerify()
    {
        var unit = await File.ReadAllTextAsync(Path.Combine(published.Path, "partyaffairs-bot.service"));
        Assert.Contains("ExecStart=/opt/partyaffairs-bot/PartyAffairs.Bot ", unit, StringComparison.Ordinal);
        if (!File.Exists("/usr/bin/systemd-analyze") && !File.Exists("/bin/systemd-analyze"))
        {
            return; // not a systemd machine: nothing to verify with (test.sh says so)
        }

        // The unit as installed, with the install folder (/opt/partyaffairs-bot) being the published one.
        var folder = Directory.CreateDirectory(Path.Combine(published.Root, "unit")).FullName;
        var path = Path.Combine(folder, "partyaffairs-bot.service");
        await File.WriteAllTextAsync(path, unit.Replace("/opt/partyaffairs-bot", published.Path, StringComparison.Ordinal));

        var (exitCode, output) = await Repository.RunAsync("systemd-analyze", ["verify", "--man=no", path], TimeSpan.FromMinutes(1));

        Assert.True(exitCode == 0 && output.Trim().Length == 0, "systemd-analyze verify:\n" + output);
    }

    private RunningBot StartPublished(int port)
    {
        var empty = Directory.CreateDirectory(Path.Combine(published.Root, "empty-path")).FullName;
        var home = Directory.CreateDirectory(Path.Combine(published.Root, "home")).FullName;
        var start = new ProcessStartInfo(Path.Combine(published.Path, "PartyAffairs.Bot"))
        {
            WorkingDirectory = published.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        // Nothing of the SDK: an empty PATH, a fresh HOME, no DOTNET_* variables.
        start.Environment.Clear();
        start.Environment["PATH"] = empty;
        start.Environment["HOME"] = home;
        start.Environment["Logging__Console__FormatterName"] = "json";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fffzzz";
        return new RunningBot(Process.Start(start) ?? throw new InvalidOperationException("the published bot did not start"));
    }

    private static async Task WaitHealthyAsync(HttpClient http, RunningBot bot)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(bot.Process.HasExited, "the published bot exited:\n" + string.Join('\n', bot.Lines.Concat(bot.Errors)));
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail("/healthz did not answer 200 within 90 s:\n" + string.Join('\n', bot.Lines.Concat(bot.Errors)));
    }

    private static async Task<(string ConversationId, string Token, string StreamUrl)> StartConversationAsync(HttpClient http)
    {
        using var tokenResponse = await http.PostAsJsonAsync("/api/chat/token", new { });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await http.SendAsync(start);
        var json = await started.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("conversationId").GetString()!, json.GetProperty("token").GetString()!, json.GetProperty("streamUrl").GetString()!);
    }

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The published process and what it printed; killed on dispose if still running.</summary>
    private sealed class RunningBot : IDisposable
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly ConcurrentQueue<string> _errors = new();

        public RunningBot(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) { _lines.Enqueue(e.Data); } };
            process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) { _errors.Enqueue(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public IReadOnlyList<string> Lines => [.. _lines];

        public IReadOnlyList<string> Errors => [.. _errors];

        public async Task<bool> WaitForExitAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await Process.WaitForExitAsync(cancel.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Process.Dispose();
        }
    }
}
