using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.BotFramework;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Tests.BotFramework;

/// <summary>
/// A host composed only of the Bot Framework library (<c>AddBotFramework()</c>/<c>MapBotFramework()</c>) with a
/// <see cref="TestBot"/>, a <see cref="FakeTimeProvider"/>, transcripts in the fixture's real redis-server (or in memory
/// without one; <c>Redis:Configuration</c> in the settings connects to another server), and optional settings.
/// <paramref name="add"/> composes more libraries on top (the channel layer, for its Direct Line and Connector senders).
/// <see cref="StartKestrel"/> serves it on 127.0.0.1 for WebSocket tests.
/// </summary>
internal sealed class BotFrameworkHost : IAsyncDisposable
{
    public const string Secret = "test-directline-secret";

    private readonly LibraryHost _host;

    public BotFrameworkHost(RedisServerFixture? redis, IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? add = null)
    {
        var all = new Dictionary<string, string?> { ["DirectLine:Secret"] = Secret };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _host = new LibraryHost(
            builder =>
            {
                builder.Services.AddSingleton<IBot>(Bot);
                builder.Services.AddSingleton<TimeProvider>(Time);
                if (redis is not null)
                {
                    builder.Services.AddSingleton<IConnectionMultiplexer>(redis.Connection);
                }
                else if (all.GetValueOrDefault("Redis:Configuration") is { } configuration)
                {
                    builder.Services.AddSingleton<IConnectionMultiplexer>(_ => TestRedis.Connect(configuration));
                }

                builder.Services.Configure<ProtocolTexts>(ProtocolTestTexts.Configure);
                builder.AddBotFramework();
                add?.Invoke(builder);
            },
            app => app.MapBotFramework(),
            all);
    }

    public TestBot Bot { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public IServiceProvider Services => _host.Services;

    public HttpClient CreateClient() => _host.CreateClient();

    /// <summary>Starts the host on a real loopback port and returns its base address.</summary>
    public Uri StartKestrel() => _host.StartKestrel();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
