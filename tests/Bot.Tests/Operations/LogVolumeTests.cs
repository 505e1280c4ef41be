using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Operations;

/// <summary>The production log configuration (bot/appsettings.json) under load: a bounded number of lines, no warnings.</summary>
public sealed class LogVolumeTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    private const int Members = 200;
    private const int TurnsPerMember = 10; // the Direct Line limit is 10 messages per 10 s per member

    [Fact]
    public async Task TwoThousandChatTurns_ProductionLogLevels_FewerThan200LinesAndNoWarnings()
    {
        var logs = new CountingLoggerProvider();
        await using var host = new OperationsHost(
            new Dictionary<string, string?>
            {
                ["Redis:Configuration"] = redis.Configuration,
                ["Admin:Token"] = "log-volume-token",
                ["Reminders:Enabled"] = "false",
                // Every simulated member comes from this one test client: no per-address token budget here.
                ["DirectLine:ChatTokensPerAddress"] = "1000000",
            },
            logs,
            environment: "Production");
        using var client = host.CreateClient();

        var handled = 0;
        var questions = new[] { "帮助", "党费多久交一次", "我的待办", "主题党日是什么时候", "组织生活会" };
        await Parallel.ForAsync(0, Members, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (member, _) =>
        {
            var (conversationId, token) = await StartConversationAsync(client);
            for (var turn = 0; turn < TurnsPerMember; turn++)
            {
                using var response = await PostAsync(client, conversationId, token, questions[(member + turn) % questions.Length]);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Interlocked.Increment(ref handled);
            }
        });

        Assert.Equal(Members * TurnsPerMember, handled);
        var entries = logs.Entries;
        output.WriteLine($"{entries.Count} log entries for {handled} turns");
        Assert.True(entries.Count < 200, $"{entries.Count} log lines for {handled} turns:\n" + string.Join('\n', entries.Take(40).Select(e => $"{e.Level} {e.Category}: {e.Message}")));
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning);
        Assert.DoesNotContain(entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    private static async Task<(string ConversationId, string Token)> StartConversationAsync(HttpClient client)
    {
        using var tokenResponse = await client.PostAsJsonAsync("/api/chat/token", new { });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await client.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var json = await started.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("conversationId").GetString()!, json.GetProperty("token").GetString()!);
    }

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string conversationId, string token, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var activity = JsonSerializer.Serialize(new { type = "message", text, from = new { id = "ignored" } });
        request.Content = new StringContent(activity, Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }
}
