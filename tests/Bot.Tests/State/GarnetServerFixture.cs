using PartyAffairs.Bot.State;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.State;

/// <summary>The embedded Garnet server, as the host starts it, in a temporary data directory; one per test class.</summary>
public sealed class GarnetServerFixture : IAsyncLifetime
{
    private EmbeddedGarnetServer? _server;

    /// <summary>The data directory (deleted after the tests).</summary>
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "pa-garnet-" + Guid.NewGuid().ToString("N"));

    /// <summary>A connection shared by the tests of the fixture.</summary>
    public ConnectionMultiplexer Connection { get; private set; } = null!;

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => _server!.EndPoint;

    public async Task InitializeAsync()
    {
        _server = EmbeddedGarnetServer.Start(DataDir);
        Connection = await StoreConnection.ConnectAsync(_server.EndPoint, timeoutMilliseconds: 5000);
    }

    public async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        _server?.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind does no harm.
        }
    }
}
