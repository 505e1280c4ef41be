using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PartyAffairs.Bot.State;
using StackExchange.Redis;

namespace PartyAffairs.Benchmarks.State;

/// <summary>A store for benchmarks: the embedded Garnet (as the host starts it) or a real redis-server, on loopback.</summary>
internal sealed class BenchmarkStore : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pa-bench-" + Guid.NewGuid().ToString("N"));
    private EmbeddedGarnetServer? _garnet;
    private Process? _redis;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public static async Task<BenchmarkStore> StartAsync(string kind)
    {
        var store = new BenchmarkStore();
        string endPoint;
        if (kind == "garnet")
        {
            store._garnet = EmbeddedGarnetServer.Start(store._dir);
            endPoint = store._garnet.EndPoint;
        }
        else
        {
            Directory.CreateDirectory(store._dir);
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            store._redis = Process.Start(new ProcessStartInfo("redis-server")
            {
                ArgumentList = { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", store._dir, "--appendonly", "yes", "--save", "", "--protected-mode", "no" },
                RedirectStandardOutput = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("redis-server did not start.");
            endPoint = $"127.0.0.1:{port}";
            await Task.Delay(300);
        }

        store.Connection = await StoreConnection.ConnectAsync(endPoint, timeoutMilliseconds: 5000);
        await store.Connection.GetDatabase().PingAsync();
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _garnet?.Dispose();
        if (_redis is { HasExited: false })
        {
            _redis.Kill();
            await _redis.WaitForExitAsync();
        }

        _redis?.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
