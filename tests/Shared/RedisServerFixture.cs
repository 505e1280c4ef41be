using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace PartyAffairs.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, started once per test class (or collection) and killed after.
/// Tests that need Redis use this, never a mock of the store. Requires the Debian package <c>redis-server</c>.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private Process? _process;

    /// <summary>The port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,allowAdmin=true";

    /// <summary>A connection shared by the tests of the fixture.</summary>
    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Port = FreePort();
        var start = new ProcessStartInfo("redis-server", $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly no --protected-mode no")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("redis-server is not installed: apt-get install redis-server (see README).", e);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                Connection = await ConnectionMultiplexer.ConnectAsync($"{Configuration},connectTimeout=500");
                await Connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Removes every key, so each test starts from an empty store.</summary>
    public Task FlushAsync() => Connection.GetServer("127.0.0.1", Port).FlushAllDatabasesAsync();

    public async Task DisposeAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }

        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
