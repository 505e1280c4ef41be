using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Garnet;

namespace PartyAffairs.Delivery.Tests;

/// <summary>
/// An embedded Garnet server started in process with the flags the host uses (bot/State/EmbeddedGarnetServer: AOF on,
/// commit wait, random-access device), in a temporary data directory; one per test class.
/// </summary>
public sealed class GarnetFixture : IAsyncLifetime
{
    private GarnetServer? _server;

    /// <summary>The data directory (deleted after the tests).</summary>
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "pa-delivery-garnet-" + Guid.NewGuid().ToString("N"));

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration { get; private set; } = string.Empty;

    /// <summary>A connection shared by the tests of the fixture.</summary>
    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var checkpoints = Path.Combine(DataDir, "garnet", "checkpoints");
        Directory.CreateDirectory(checkpoints);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _server = new GarnetServer(
            ["--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--device-type", "RandomAccess", "--checkpointdir", checkpoints,
             "--aof", "--aof-commit-wait", "--recover", "--memory", "256m", "--page", "4m", "--index", "16m"],
            loggerFactory: null,
            cleanupDir: false);
        _server.Start();
        Configuration = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port},abortConnect=false,connectTimeout=5000,syncTimeout=5000,asyncTimeout=5000");
        Connection = await ConnectionMultiplexer.ConnectAsync(Configuration);
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
