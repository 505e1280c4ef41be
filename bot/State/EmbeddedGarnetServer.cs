using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Garnet;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace PartyAffairs.Bot.State;

/// <summary>
/// An in-process Garnet server on a loopback port, with its append-only file under a data directory,
/// so the service runs without an external Redis and keeps its state across restarts.
/// </summary>
public sealed class EmbeddedGarnetServer : IDisposable
{
    private static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CheckpointDrain = TimeSpan.FromSeconds(30);

    private readonly GarnetServer _server;
    private readonly FileStream _lock;
    private readonly CheckpointArchive _archive;
    private readonly int _keepCheckpoints;
    private readonly TimeProvider _time;

    // Not disposed: a checkpoint racing the host's second stop may still wait on it; it holds no OS resource.
    private readonly SemaphoreSlim _checkpointGate = new(1, 1);
    private volatile bool _disposed;

    private EmbeddedGarnetServer(GarnetServer server, FileStream folderLock, int port, EmbeddedStoreLayout layout, int keepCheckpoints, TimeProvider time)
    {
        _server = server;
        _lock = folderLock;
        _archive = new CheckpointArchive(layout);
        _keepCheckpoints = keepCheckpoints;
        _time = time;
        Port = port;
        DataDir = layout.Root;
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
    /// Before Garnet loads anything, the checkpoint it would load is checked against its manifest; a damaged one is set
    /// aside and the newest intact kept copy (of <paramref name="keepCheckpoints"/>) recovered instead (<see cref="StoreRecovery"/>).
    /// </summary>
    /// <exception cref="StoreFolderInUseException">Another process holds the folder.</exception>
    /// <exception cref="StoreRecoveryRefusedException">
    /// The folder held data and nothing usable can be recovered, and <paramref name="allowEmptyStart"/> is false.
    /// </exception>
    public static EmbeddedGarnetServer Start(
        string dataDir,
        int? port = null,
        bool commitWait = true,
        ILoggerFactory? loggerFactory = null,
        TimeSpan? lockWait = null,
        int keepCheckpoints = 3,
        bool allowEmptyStart = false,
        TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        ArgumentOutOfRangeException.ThrowIfLessThan(keepCheckpoints, 1);
        var layout = new EmbeddedStoreLayout(Path.GetFullPath(dataDir));
        Directory.CreateDirectory(layout.CheckpointDir);
        var folderLock = LockFolder(layout.GarnetDir, lockWait ?? DefaultLockWait);
        try
        {
            var logger = loggerFactory?.CreateLogger<EmbeddedGarnetServer>() ?? NullLogger<EmbeddedGarnetServer>.Instance;
            time ??= TimeProvider.System;
            var expectedKeys = new StoreRecovery(layout, allowEmptyStart, time, logger).Prepare();
            var server = Start(layout, folderLock, port, commitWait, loggerFactory, keepCheckpoints, time);
            try
            {
                CheckRecoveredKeys(server, layout, expectedKeys, allowEmptyStart, logger);
            }
            catch
            {
                server.Dispose();
                throw;
            }

            return server;
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Takes a checkpoint (SAVE through <paramref name="connection"/>, which must allow admin commands), then keeps a
    /// verified copy of it with its manifest and removes the oldest copies beyond the number to keep. One at a time.
    /// Returns the manifest, or null when Garnet wrote no checkpoint files.
    /// </summary>
    public async Task<CheckpointManifest?> CheckpointAsync(IConnectionMultiplexer connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await _checkpointGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var server = connection.GetServer(EndPoint);
            // Garnet's SAVE takes a non-blocking (CPR) checkpoint and answers when it is on disk.
            await server.ExecuteAsync("SAVE");
            var keys = await server.DatabaseSizeAsync();
            var persistent = Math.Max(0, keys - await ExpiringKeysAsync(server, keys));
            return await _archive.KeepAsync(keys, persistent, _keepCheckpoints, _time.GetUtcNow(), cancellationToken);
        }
        finally
        {
            _checkpointGate.Release();
        }
    }

    private static EmbeddedGarnetServer Start(
        EmbeddedStoreLayout layout, FileStream folderLock, int? port, bool commitWait, ILoggerFactory? loggerFactory, int keepCheckpoints, TimeProvider time)
    {
        var chosenPort = port ?? FreeLoopbackPort();

        List<string> args =
        [
            "--bind", "127.0.0.1",
            "--port", chosenPort.ToString(CultureInfo.InvariantCulture),
            "--device-type", "RandomAccess",
            "--checkpointdir", layout.CheckpointDir,
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

        return new EmbeddedGarnetServer(server, folderLock, chosenPort, layout, keepCheckpoints, time);
    }

    /// <summary>
    /// Stops the server and lets go of the folder; a checkpoint being kept is finished first (for up to 30 s), so no copy
    /// is written after another process may have taken the folder.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        var gate = _checkpointGate.Wait(CheckpointDrain);
        _disposed = true;
        try
        {
            _server.Dispose();
        }
        finally
        {
            _lock.Dispose();
            if (gate)
            {
                _checkpointGate.Release();
            }
        }
    }

    /// <summary>
    /// A store that recovered empty from a checkpoint whose manifest recorded keys without expiry lost its data somewhere
    /// Garnet did not report (it logs a failed recovery and carries on); such a start is refused unless an empty start is allowed.
    /// </summary>
    private static void CheckRecoveredKeys(EmbeddedGarnetServer server, EmbeddedStoreLayout layout, long? expectedKeys, bool allowEmptyStart, ILogger logger)
    {
        if (expectedKeys is not > 0 || CountKeys(server.Port) > 0)
        {
            return;
        }

        if (allowEmptyStart)
        {
            StateLog.RecoveredEmptyAllowed(logger, expectedKeys.Value);
            return;
        }

        throw new StoreRecoveryRefusedException(StoreRecovery.RefusalMessage(layout,
        [
            string.Create(CultureInfo.InvariantCulture, $"the checkpoint in {layout.LiveCheckpoint} matches its manifest, which records {expectedKeys} keys without expiry, yet the store recovered 0 keys"),
        ]));
    }

    /// <summary>Keys with an expiry (INFO keyspace: <c>db0:keys=…,expires=…</c>); all of them when it cannot be read.</summary>
    private static async Task<long> ExpiringKeysAsync(IServer server, long keys)
    {
        var keyspace = await server.InfoAsync("keyspace");
        var db0 = keyspace.SelectMany(g => g).FirstOrDefault(p => p.Key == "db0").Value;
        var expires = db0?.Split(',').Select(p => p.Split('=')).FirstOrDefault(p => p is ["expires", _]);
        return expires is [_, var count] && long.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : keys;
    }

    /// <summary>DBSIZE over a plain loopback socket: start-up is synchronous (Garnet's constructor is) and the host's connection does not exist yet.</summary>
    private static long CountKeys(int port)
    {
        using var client = new TcpClient { ReceiveTimeout = 10_000, SendTimeout = 10_000 };
        client.Connect(IPAddress.Loopback, port);
        using var stream = client.GetStream();
        stream.Write("*1\r\n$6\r\nDBSIZE\r\n"u8);
        var reply = new List<byte>();
        for (int b; (b = stream.ReadByte()) >= 0 && b != '\n';)
        {
            reply.Add((byte)b);
        }

        var text = System.Text.Encoding.ASCII.GetString([.. reply]).TrimEnd('\r');
        return text.StartsWith(':') && long.TryParse(text.AsSpan(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var keys)
            ? keys
            : throw new InvalidOperationException($"Unexpected DBSIZE reply from the embedded store: {text}");
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
