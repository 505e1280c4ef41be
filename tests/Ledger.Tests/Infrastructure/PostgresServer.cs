using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PartyAffairs.Ledger.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the tests: <c>initdb</c> into a temporary folder, started on a free loopback port with
/// <c>pg_ctl</c>, stopped and removed when the last fixture using it is disposed (one server per test run, shared by the
/// fixtures; each test gets a database of its own). PostgreSQL refuses to run as root, so as root the server runs as the
/// <c>postgres</c> user (<c>runuser</c>), in a folder it owns. Requires the Debian package <c>postgresql</c>.
/// </summary>
public sealed class PostgresServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _shared;
    private static int _users;

    private readonly string _folder;

    private PostgresServer(string binDirectory, string folder, int port)
    {
        BinDirectory = binDirectory;
        _folder = folder;
        Port = port;
    }

    /// <summary>Where the PostgreSQL binaries are (initdb, pg_ctl, pg_dump, pg_restore).</summary>
    public string BinDirectory { get; }

    /// <summary>The loopback port.</summary>
    public int Port { get; }

    private string DataDirectory => Path.Combine(_folder, "data");

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database};Timeout=15;Command Timeout=60";

    /// <summary>Takes the shared server, starting it for the first user.</summary>
    public static async Task<PostgresServer> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _shared ??= await StartAsync();
            _users++;
            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Gives the shared server back; the last user stops it and removes its files.</summary>
    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users == 0 && _shared is { } server)
            {
                _shared = null;
                NpgsqlConnection.ClearAllPools();
                await server.RunAsync(server.Tool("pg_ctl"), ["-D", server.DataDirectory, "-m", "immediate", "-w", "stop"], asServer: true, check: false);
                Directory.Delete(server._folder, recursive: true);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Creates an empty database and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "ledger_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>Drops a database (its connections are closed first).</summary>
    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The full path of a PostgreSQL tool.</summary>
    public string Tool(string name) => Path.Combine(BinDirectory, name);

    /// <summary>Runs a client tool (pg_dump, pg_restore) against this server and returns its output; throws when it fails.</summary>
    public Task<string> RunClientAsync(string tool, IReadOnlyList<string> arguments) => RunAsync(Tool(tool), arguments, asServer: false, check: true);

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException("PostgreSQL is not installed: apt-get install postgresql (see README).");
        var folder = Path.Combine(Path.GetTempPath(), "pa-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(bin, folder, FreePort());
        try
        {
            if (IsRoot)
            {
                await server.RunAsync("chown", ["postgres:postgres", folder], asServer: false, check: true);
            }

            await server.RunAsync(server.Tool("initdb"), ["-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asServer: true, check: true);
            var options = string.Join(' ',
                $"-p {server.Port.ToString(CultureInfo.InvariantCulture)}", "-h 127.0.0.1", $"-k {folder}",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300", "-c shared_buffers=32MB");
            await server.RunAsync(server.Tool("pg_ctl"), ["-D", server.DataDirectory, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], asServer: true, check: true);
            return server;
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    private async Task<string> RunAsync(string file, IReadOnlyList<string> arguments, bool asServer, bool check)
    {
        var start = new ProcessStartInfo(asServer && IsRoot ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        if (asServer && IsRoot)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }

    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured && File.Exists(Path.Combine(configured, "initdb")))
        {
            return configured;
        }

        const string root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.EnumerateDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
