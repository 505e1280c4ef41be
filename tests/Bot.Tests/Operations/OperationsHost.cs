using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PartyAffairs.Bot.Tests.Operations;

/// <summary>The whole host as Program composes it, with settings, an optional log sink and environment; in memory or on Kestrel.</summary>
internal sealed class OperationsHost(IReadOnlyDictionary<string, string?> settings, ILoggerProvider? logs = null, string? environment = null) : WebApplicationFactory<Program>
{
    /// <summary>Starts Kestrel on a free loopback port and returns the base address (no trailing slash).</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/'));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (environment is not null)
        {
            builder.UseEnvironment(environment);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (logs is not null)
        {
            builder.ConfigureTestServices(s => s.AddSingleton(logs));
        }
    }
}
