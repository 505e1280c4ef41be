using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Operations;
using PartyAffairs.Bot.State;
using PartyAffairs.Channels.Inbound;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.Operations;

/// <summary>The metrics endpoint (Prometheus text format) and the meters behind it.</summary>
public sealed class MetricsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string TurnSeries = "partyaffairs_turns_total{otel_scope_name=\"PartyAffairs.Conversation\",channel=\"directline\",outcome=\"handled\"}";

    [Fact]
    public async Task Metrics_AfterAChatTurn_TurnCounterIncreasedAndQueueGaugesShown()
    {
        await using var host = new OperationsHost(Settings());
        using var http = new HttpClient { BaseAddress = host.StartKestrel() };
        var before = Value(await ScrapeAsync(http), TurnSeries);

        using var tokenResponse = await http.PostAsJsonAsync("/api/chat/token", new { });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await http.SendAsync(start);
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
        using var turn = await LogVolumeTests.PostAsync(http, conversation.GetProperty("conversationId").GetString()!, conversation.GetProperty("token").GetString()!, "帮助");
        Assert.Equal(HttpStatusCode.OK, turn.StatusCode);

        var text = await ScrapeAsync(http);
        Assert.True(Value(text, TurnSeries) >= before + 1, $"turn counter {before} → {Value(text, TurnSeries)}");
        Assert.Matches(new Regex("^partyaffairs_queue_length\\{[^}]*queue=\"channel_inbox\"[^}]*\\} \\d+$", RegexOptions.Multiline), text);
        Assert.Matches(new Regex("^partyaffairs_queue_length\\{[^}]*queue=\"reminders\"[^}]*\\} \\d+$", RegexOptions.Multiline), text);
        Assert.Matches(new Regex("^partyaffairs_queue_length\\{[^}]*queue=\"reminders_delayed\"[^}]*\\} \\d+$", RegexOptions.Multiline), text);
        Assert.Matches(new Regex("^partyaffairs_store_latency_seconds_count\\{[^}]*\\} [1-9]\\d*$", RegexOptions.Multiline), text);
    }

    [Fact]
    public async Task Metrics_LoopbackClientForwardedByAProxy_403()
    {
        await using var host = new OperationsHost(Settings());
        using var http = new HttpClient { BaseAddress = host.StartKestrel() };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Forbidden)]
    [InlineData("wrong-token", HttpStatusCode.Forbidden)]
    [InlineData("scrape-token-0123456789", HttpStatusCode.OK)]
    public async Task Metrics_RemoteClient_NeedsTheConfiguredToken(string? bearer, HttpStatusCode expected)
    {
        var settings = Settings();
        settings["Metrics:Token"] = "scrape-token-0123456789";
        await using var host = new OperationsHost(settings);
        using var client = host.CreateClient(); // the in-memory test server: no loopback address
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task RemoteClient_NoTokenConfigured_403()
    {
        await using var host = new OperationsHost(Settings());
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "");

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task StoreMetrics_QueuesHoldItems_SampleCountsEachQueue()
    {
        var db = redis.Connection.GetDatabase();
        await db.KeyDeleteAsync([ChannelInbox.QueueKey(0), ChannelInbox.QueueKey(1), ReminderKeys.Queue, ReminderKeys.Delayed]);
        await db.ListLeftPushAsync(ChannelInbox.QueueKey(0), ["a", "b"]);
        await db.ListLeftPushAsync(ChannelInbox.QueueKey(1), ["c"]);
        await db.ListLeftPushAsync(ReminderKeys.Queue, ["r1", "r2", "r3", "r4"]);
        await db.SortedSetAddAsync(ReminderKeys.Delayed, [new SortedSetEntry("d1", 1), new SortedSetEntry("d2", 2), new SortedSetEntry("d3", 3)]);
        var metrics = Sampler(redis.Connection);

        Assert.True(await metrics.SampleAsync());

        Assert.Equal(new StoreMetrics.QueueLengths(3, 4, 3), metrics.Lengths);
    }

    [Fact]
    public async Task StoreMetrics_StoreDown_LengthsUnknown()
    {
        await using var down = await StoreConnection.ConnectAsync("127.0.0.1:1,abortConnect=false", timeoutMilliseconds: 200);
        var metrics = Sampler(down);

        Assert.False(await metrics.SampleAsync());

        Assert.Null(metrics.Lengths);
    }

    private static StoreMetrics Sampler(IConnectionMultiplexer connection)
    {
        var services = new ServiceCollection().AddSingleton(Options.Create(new ChannelQueueOptions())).AddSingleton(connection).AddSingleton<ChannelInbox>().BuildServiceProvider();
        return new StoreMetrics(connection, services, Options.Create(new MetricsOptions()), TimeProvider.System, NullLogger<StoreMetrics>.Instance);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Redis:Configuration"] = redis.Configuration,
        ["Admin:Token"] = "metrics-test-token",
        ["Reminders:Enabled"] = "false",
        ["Metrics:SampleInterval"] = "00:00:00.200",
    };

    private static async Task<string> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    private static double Value(string text, string series)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..].Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
