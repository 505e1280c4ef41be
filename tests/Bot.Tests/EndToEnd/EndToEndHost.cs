using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.EndToEnd;

/// <summary>The whole host as composed by Program (real conversation logic, knowledge base, state in a real redis-server), served by Kestrel on 127.0.0.1.</summary>
internal sealed class EndToEndHost(RedisServerFixture redis, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>Starts Kestrel on a free loopback port and returns the base address (no trailing slash).</summary>
    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/'));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Redis:Configuration", redis.Configuration);
        builder.UseSetting("DirectLine:Secret", "e2e-directline-secret");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
