using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Garnet;

namespace PartyAffairs.Bot.State;

/// <summary>
/// An in-process Garnet server on a loopback port, with its append-only file under a data directory,
/// so the service runs without an external Redis and keeps its state across restarts.
/// </summary>
public sealed class EmbeddedGarnetServer : IDisposable
{
    private readonly GarnetServer _server;

    private EmbeddedGarnetServer(GarnetServer server, int port, string dataDir)
    {
        _server = server;
        Port = port;
        DataDir = dataDir;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The absolute data directory.</summary>
    public string DataDir { get; }

    /// <summary>A StackExchange.Redis endpoint string for this server.</summary>
    public string EndPoint => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>
    /// Starts a server that keeps its files in <paramref name="dataDir"/> and recovers what it finds there.
    /// With <paramref name="commitWait"/> a write is answered only once its append-only-file entry is on disk.
    /// Garnet's own log goes to <paramref name="loggerFactory"/> under categories <c>Garnet.*</c> (nowhere when null); its
    /// console banner is never printed.
    /// </summary>
    public static EmbeddedGarnetServer Start(string dataDir, int? port = null, bool commitWait = true, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        var root = Path.GetFullPath(dataDir);
        var checkpointDir = Path.Combine(root, "garnet", "checkpoints");
        Directory.CreateDirectory(checkpointDir);
        var chosenPort = port ?? FreeLoopbackPort();

        List<string> args =
        [
            "--bind", "127.0.0.1",
            "--port", chosenPort.ToString(CultureInfo.InvariantCulture),
            "--device-type", "RandomAccess",
            "--checkpointdir", checkpointDir,
            "--aof",
            "--recover",
            // Quiet: no colour banner on stdout. Without a logger factory Garnet would add a console logger of its own.
            "-q",
            "--disable-console-logger",
            // Small footprint: the bot's state is kilobytes per member, not gigabytes.
            "--memory", "256m",
            "--page", "4m",
            "--index", "16m",
        ];
        if (commitWait)
        {
            args.Add("--aof-commit-wait");
        }

        var listeners = Trace.Listeners.OfType<ConsoleTraceListener>().ToHashSet();
        GarnetServer server;
        try
        {
            server = new GarnetServer([.. args], loggerFactory is null ? null : new GarnetLoggerFactory(loggerFactory), cleanupDir: false);
        }
        finally
        {
            // Garnet's constructor adds a console trace listener to the process; the host's logging is the one output.
            foreach (var added in Trace.Listeners.OfType<ConsoleTraceListener>().Where(l => !listeners.Contains(l)).ToList())
            {
                Trace.Listeners.Remove(added);
            }
        }

        try
        {
            server.Start();
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return new EmbeddedGarnetServer(server, chosenPort, root);
    }

    /// <inheritdoc />
    public void Dispose() => _server.Dispose();

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
