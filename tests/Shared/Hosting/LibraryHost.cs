using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PartyAffairs.Tests.Infrastructure;

/// <summary>
/// A minimal ASP.NET Core host composed by a test from a library's own <c>AddX()</c>/<c>MapX()</c> and test doubles,
/// without the product host: it proves the library stands alone. Like <c>WebApplicationFactory</c> it starts on first
/// use, on the in-memory test server (<see cref="Services"/>, <see cref="CreateClient"/>) or on loopback Kestrel
/// (<see cref="StartKestrel"/>, for WebSockets and browsers), and stops gracefully when disposed.
/// </summary>
public sealed class LibraryHost(
    Action<WebApplicationBuilder> register,
    Action<WebApplication> map,
    IReadOnlyDictionary<string, string?>? settings = null) : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The host's services; starts the host on the test server if it is not running yet.</summary>
    public IServiceProvider Services => Start(kestrel: false).Services;

    /// <summary>A client of the in-memory test server; starts the host if it is not running yet.</summary>
    public HttpClient CreateClient() => Start(kestrel: false).GetTestClient();

    /// <summary>Starts the host on a free loopback port and returns its base address.</summary>
    public Uri StartKestrel()
    {
        var app = Start(kestrel: true);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null)
        {
            return;
        }

        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }

    private WebApplication Start(bool kestrel)
    {
        if (_app is not null)
        {
            return _app;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        if (kestrel)
        {
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        register(builder);
        var app = builder.Build();
        map(app);
        _app = app;
        // Synchronous like WebApplicationFactory's first use, so a test reads `host.Services` as it did on the product host.
        app.Start();
        return app;
    }
}
