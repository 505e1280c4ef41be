using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PartyAffairs.Benchmarks.ChatLoad;

/// <summary>
/// The chat protocol load test (a console load generator, not BenchmarkDotNet): bound members post message activities
/// to the real bot host over Direct Line on loopback, closed loop; then the same bodies go to a minimal endpoint that only
/// parses the activity and does one Redis read and write. Both run once with the embedded Garnet and once with
/// redis-server. <c>dotnet run -c Release --project benchmarks -- chat-load [--seconds 20] [--warmup 5] [--workers 32]
/// [--stores embedded,redis] [--messages '我的待办|党费多久交一次|帮助'] [--bots label=dir,label=dir] [--rounds 1]</c>
/// </summary>
internal static class ChatLoadProgram
{
    private const string Secret = "benchmark-directline-secret";
    private const string AdminToken = "benchmark-admin-token";
    private static readonly string[] DefaultMessages = ["我的待办", "党费多久交一次", "帮助"];
    private static string[] Messages = DefaultMessages;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = IntOption(args, "--seconds", 20);
        var warmUp = IntOption(args, "--warmup", 5);
        var workers = IntOption(args, "--workers", 32);
        var rounds = IntOption(args, "--rounds", 1);
        Messages = Option(args, "--messages")?.Split('|', StringSplitOptions.RemoveEmptyEntries) ?? DefaultMessages;
        var stores = (Option(args, "--stores") ?? "embedded,redis").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var root = RepositoryRoot();
        // --bots before=/path/to/other/bot/bin/Release/net10.0,after=bot/bin/Release/net10.0 compares builds in one run
        // (each store: the builds in turn, alternating their order each round, then the minimal endpoint once).
        var bots = (Option(args, "--bots") ?? "bot=" + Path.Combine("bot", "bin", "Release", "net10.0"))
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(b => b.Split('=', 2))
            .Select(p => (Label: p[0], Directory: Path.GetFullPath(p[1], root)))
            .ToArray();
        foreach (var (_, directory) in bots)
        {
            if (!File.Exists(Path.Combine(directory, "PartyAffairs.Bot.dll")))
            {
                Console.Error.WriteLine($"No host build in {directory}: dotnet build bot -c Release");
                return 1;
            }
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = workers * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var results = new List<(string Store, string? Bot, LoadResult Result)>();
        foreach (var store in stores)
        {
            using var redis = store == "redis" ? StartRedis() : null;
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (label, directory) in round % 2 == 0 ? bots : bots.Reverse())
                {
                    var name = bots.Length == 1 ? $"bot turn, Direct Line ({store})" : $"bot turn, Direct Line ({store}) [{label}]";
                    results.Add((store, label, await RunBotAsync(http, directory, redis?.Configuration, store, name, workers, warmUp, seconds)));
                }
            }

            results.Add((store, null, await RunMinimalAsync(http, redis?.Configuration, store, workers, warmUp, seconds)));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{workers} concurrent members, messages in turn: {string.Join(" / ", Messages)}; {warmUp} s warm-up, {seconds} s measured, {rounds} round(s), {Environment.ProcessorCount} cores"));
        Console.WriteLine();
        Console.WriteLine("| endpoint | turns/s | p50 ms | p99 ms | requests | errors | server CPU µs/turn |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (_, _, result) in results)
        {
            Console.WriteLine(result.Row());
        }

        foreach (var store in stores)
        {
            var minimal = results.Single(r => r.Store == store && r.Bot is null).Result;
            foreach (var (label, _) in bots)
            {
                var runs = results.Where(r => r.Store == store && r.Bot == label).Select(r => r.Result).ToArray();
                var turns = runs.Average(r => r.TurnsPerSecond);
                var cpu = runs.Average(r => r.CpuMicrosecondsPerRequest ?? double.NaN);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{store} [{label}]: {turns:F0} turns/s and {cpu:F0} µs of host CPU a turn (mean of {runs.Length}), {turns / minimal.TurnsPerSecond:P0} of the minimal endpoint's throughput"));
            }
        }

        return results.Any(r => r.Result.Errors > 0) ? 2 : 0;
    }

    private static async Task<LoadResult> RunBotAsync(HttpClient http, string botDirectory, string? redis, string store, string name, int workers, int warmUp, int seconds)
    {
        var port = ChildProcess.FreePort();
        var dataDir = Path.Combine(Path.GetTempPath(), $"chat-load-{Guid.NewGuid():N}");
        var arguments = new List<string>
        {
            "PartyAffairs.Bot.dll", "--urls", $"http://127.0.0.1:{port}", $"--Storage:DataDir={dataDir}",
            $"--DirectLine:Secret={Secret}", $"--Admin:Token={AdminToken}",
            // The per-member limit (10 messages / 10 s) guards against floods; the benchmark's members post far faster.
            "--DirectLine:RateLimitMessages=1000000", "--Logging:LogLevel:Default=Warning",
        };
        if (redis is not null)
        {
            arguments.Add($"--Redis:Configuration={redis}");
        }

        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        using var host = ChildProcess.Start("dotnet", arguments, botDirectory);
        await host.WaitHealthyAsync(http, new Uri(baseUrl, "/healthz"), TimeSpan.FromSeconds(120));
        var members = await SetUpMembersAsync(http, baseUrl, workers);
        Console.Error.WriteLine($"bot host ({store}): {workers} members bound, loading…");

        var bodies = Messages.Select(text => JsonSerializer.Serialize(new
        {
            type = "message", text, textFormat = "plain", locale = "zh-CN", channelId = "webchat",
            from = new { id = "ignored", role = "user" }, channelData = new { clientActivityID = "bench" },
        })).ToArray();
        var result = await LoadRunner.RunAsync(name, workers, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(seconds), async (worker, n) =>
        {
            var (conversationId, token) = members[worker];
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, $"/v3/directline/conversations/{conversationId}/activities"))
            {
                Content = new StringContent(bodies[n % bodies.Length], Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }, () => host.ProcessorTime);
        TryDelete(dataDir);
        return result;
    }

    private static async Task<LoadResult> RunMinimalAsync(HttpClient http, string? redis, string store, int workers, int warmUp, int seconds)
    {
        var port = ChildProcess.FreePort();
        var arguments = new List<string> { "minimal-server", "--port", port.ToString(CultureInfo.InvariantCulture) };
        if (redis is not null)
        {
            arguments.AddRange(["--redis", redis]);
        }

        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        using var server = ChildProcess.Start(Environment.ProcessPath!, arguments);
        await server.WaitHealthyAsync(http, new Uri(baseUrl, "/healthz"), TimeSpan.FromSeconds(60));
        var bodies = Messages.Select(text => JsonSerializer.Serialize(new
        {
            type = "message", text, textFormat = "plain", locale = "zh-CN", channelId = "webchat",
            from = new { id = "ignored", role = "user" }, channelData = new { clientActivityID = "bench" },
        })).ToArray();
        return await LoadRunner.RunAsync($"minimal endpoint ({store})", workers, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(seconds), async (worker, n) =>
        {
            using var content = new StringContent(bodies[n % bodies.Length], Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(baseUrl, $"/api/minimal/member{worker}"), content);
            return response.StatusCode;
        }, () => server.ProcessorTime);
    }

    /// <summary>Creates a branch of <paramref name="count"/> members and binds each to its own Direct Line conversation.</summary>
    private static async Task<(string ConversationId, string Token)[]> SetUpMembersAsync(HttpClient http, Uri baseUrl, int count)
    {
        var branch = "bench" + Guid.NewGuid().ToString("N")[..8];
        using (var created = await Send(HttpMethod.Post, "/api/admin/branches", AdminToken, JsonSerializer.Serialize(new { id = branch, name = "基准测试党支部" })))
        {
            created.EnsureSuccessStatusCode();
        }

        var csv = new StringBuilder("姓名,角色\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"成员{i},党员\n");
        }

        using var imported = await Send(HttpMethod.Post, $"/api/admin/branches/{branch}/roster", AdminToken, csv.ToString(), "text/csv");
        imported.EnsureSuccessStatusCode();
        var codes = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members").EnumerateArray()
            .Select(m => m.GetProperty("inviteCode").GetString()!).ToArray();

        var members = new (string, string)[count];
        for (var i = 0; i < count; i++)
        {
            using var generated = await Send(HttpMethod.Post, "/v3/directline/tokens/generate", Secret, JsonSerializer.Serialize(new { user = new { id = $"dl_bench{i}" } }));
            var token = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            using var started = await Send(HttpMethod.Post, "/v3/directline/conversations", token, "{}");
            var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
            var conversationId = conversation.GetProperty("conversationId").GetString()!;
            token = conversation.GetProperty("token").GetString()!;
            using var bound = await Send(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token,
                JsonSerializer.Serialize(new { type = "message", text = "绑定 " + codes[i], from = new { id = "x" } }));
            bound.EnsureSuccessStatusCode();
            members[i] = (conversationId, token);
        }

        return members;

        async Task<HttpResponseMessage> Send(HttpMethod method, string path, string credential, string body, string contentType = "application/json")
        {
            using var request = new HttpRequestMessage(method, new Uri(baseUrl, path)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
            var response = await http.SendAsync(request);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
            {
                throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            return response;
        }
    }

    private static RedisProcess StartRedis()
    {
        var port = ChildProcess.FreePort();
        var directory = Path.Combine(Path.GetTempPath(), $"chat-load-redis-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        // Persistence like a production Redis: append-only file, fsync every second (the embedded Garnet also keeps an AOF).
        var process = ChildProcess.Start("redis-server", ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "yes", "--appendfsync", "everysec", "--dir", directory, "--protected-mode", "no"]);
        Thread.Sleep(500);
        return new RedisProcess(process, $"127.0.0.1:{port}", directory);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Garnet may still hold its files for a moment; temp folders are cleaned by the system.
        }
    }

    private sealed record RedisProcess(ChildProcess Process, string Configuration, string Directory) : IDisposable
    {
        public void Dispose()
        {
            Process.Dispose();
            TryDelete(Directory);
        }
    }
}
