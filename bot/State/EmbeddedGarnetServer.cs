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
    private static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly GarnetServer _server;
    private readonly FileStream _lock;

    private EmbeddedGarnetServer(GarnetServer server, FileStream folderLock, int port, string dataDir)
    {
        _server = server;
        _lock = folderLock;
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
    /// console banner is never printed. When another server holds the folder, this one waits up to <paramref name="lockWait"/>
    /// (default 10 s) for it to let go, so a host that is restarting over a folder its predecessor is still closing starts.
    /// </summary>
    public static EmbeddedGarnetServer Start(
        string dataDir, int? port = null, bool commitWait = true, ILoggerFactory? loggerFactory = null, TimeSpan? lockWait = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        var root = Path.GetFullPath(dataDir);
        var checkpointDir = Path.Combine(root, "garnet", "checkpoints");
        Directory.CreateDirectory(checkpointDir);
        var folderLock = LockFolder(Path.Combine(root, "garnet"), lockWait ?? DefaultLockWait);
        try
        {
            return Start(root, checkpointDir, folderLock, port, commitWait, loggerFactory);
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    private static EmbeddedGarnetServer Start(string root, string checkpointDir, FileStream folderLock, int? port, bool commitWait, ILoggerFactory? loggerFactory)
    {
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

        return new EmbeddedGarnetServer(server, folderLock, chosenPort, root);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _server.Dispose();
        }
        finally
        {
            _lock.Dispose();
        }
    }

    /// <summary>
    /// Takes the data folder's lock file (an exclusive OS lock, released when the process ends however it ends), so two
    /// processes never write one store's files; the holder's process id is kept beside it for the error message.
    /// A holder that lets go within <paramref name="wait"/> (a previous host still disposing) is waited for.
    /// </summary>
    private static FileStream LockFolder(string garnetDir, TimeSpan wait)
    {
        var lockPath = Path.Combine(garnetDir, "store.lock");
        var ownerPath = Path.Combine(garnetDir, "store.owner");
        var attempts = Math.Max(1, (int)Math.Ceiling(wait / LockPollInterval) + 1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var folderLock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                File.WriteAllText(ownerPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                return folderLock;
            }
            catch (IOException) when (attempt < attempts)
            {
                // Start-up is synchronous (Garnet's constructor is); a short pause between attempts is all this blocks.
                Thread.Sleep(LockPollInterval);
            }
            catch (IOException)
            {
                var owner = File.Exists(ownerPath) ? File.ReadAllText(ownerPath).Trim() : "unknown";
                throw new StoreFolderInUseException(
                    $"The embedded store's data folder {Path.GetDirectoryName(garnetDir)} is in use by another process (pid {owner}). "
                    + "One process per data folder: stop the other process, or give this one its own Storage:DataDir.");
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
