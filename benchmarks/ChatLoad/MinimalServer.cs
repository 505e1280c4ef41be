using System.Globalization;
using System.Text.Json;
using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Schema;
using StackExchange.Redis;

namespace PartyAffairs.Benchmarks.ChatLoad;

/// <summary>
/// The baseline of the chat load test: an endpoint that only parses the activity and does one Redis read and one write.
/// Runs as its own process (<c>minimal-server --port P [--redis CONF]</c>), with an embedded Garnet when no Redis is given,
/// exactly as the bot host is run, so both are measured in the same shape.
/// </summary>
internal static class MinimalServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(Option(args, "--port") ?? throw new ArgumentException("--port is required"), CultureInfo.InvariantCulture);
        var redisConfiguration = Option(args, "--redis");
        using var embedded = redisConfiguration is null ? EmbeddedGarnetServer.Start(Path.Combine(Path.GetTempPath(), $"minimal-garnet-{Environment.ProcessId}")) : null;
        using var redis = await ConnectionMultiplexer.ConnectAsync(redisConfiguration ?? embedded!.EndPoint);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok());
        app.MapPost("/api/minimal/{conversationId}", async (string conversationId, HttpRequest request) =>
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(request.Body, BotJson.Options);
            if (activity?.Type is null)
            {
                return Results.BadRequest();
            }

            var db = redis.GetDatabase();
            RedisKey key = $"minimal:{conversationId}";
            var previous = await db.StringGetAsync(key);
            await db.StringSetAsync(key, activity.Text ?? string.Empty);
            return Results.Json(new ResourceResponse(previous.HasValue ? conversationId + "|1" : conversationId + "|0"), BotJson.Options);
        });
        await app.RunAsync();
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
