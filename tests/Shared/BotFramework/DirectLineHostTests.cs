using Microsoft.AspNetCore.Builder;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Tests.BotFramework;

/// <summary>Shared set-up of the Direct Line test classes: the host over the fixture's redis-server and a client for it.</summary>
public abstract class DirectLineHostTests : IAsyncLifetime
{
    private readonly bool _kestrel;

    private protected DirectLineHostTests(
        RedisServerFixture redis, IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false, Action<WebApplicationBuilder>? add = null)
    {
        Host = new BotFrameworkHost(redis, settings, add);
        _kestrel = kestrel;
    }

    private protected BotFrameworkHost Host { get; }

    private protected DirectLineTestClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        // WebSockets and browsers need a real socket; the other tests use the in-memory test server.
        Client = new DirectLineTestClient(_kestrel ? new HttpClient { BaseAddress = Host.StartKestrel() } : Host.CreateClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Http.Dispose();
        await Host.DisposeAsync();
    }
}
