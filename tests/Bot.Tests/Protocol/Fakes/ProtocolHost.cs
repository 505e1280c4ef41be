using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.Protocol.Fakes;

/// <summary>
/// The real host (Program) with a <see cref="TestBot"/> instead of the conversation logic, transcripts in the fixture's
/// real redis-server, a <see cref="FakeTimeProvider"/>, and optional settings. <see cref="StartKestrel"/> serves it on
/// 127.0.0.1 for WebSocket and browser tests.
/// </summary>
internal sealed class ProtocolHost(RedisServerFixture? redis, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string Secret = "test-directline-secret";

    public TestBot Bot { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The embedded store's own folder when no Redis is configured, so parallel hosts never share (and tear) one AOF.</summary>
    private string DataDir { get; } = Path.Combine(Path.GetTempPath(), "pa-protocol-" + Guid.NewGuid().ToString("N"));

    /// <summary>Starts the host on a real loopback port and returns its base address (no trailing slash).</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Redis was configured: no embedded store ran.
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the system.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DirectLine:Secret", Secret);
        builder.UseSetting("Storage:DataDir", DataDir);
        if (redis is not null)
        {
            builder.UseSetting("Redis:Configuration", redis.Configuration);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IBot>(Bot);
            services.AddSingleton<TimeProvider>(Time);
            if (redis is not null)
            {
                services.AddSingleton<IConnectionMultiplexer>(redis.Connection);
            }
        });
    }
}
