using System.Diagnostics;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Tests.State;

/// <summary>The bot as a process over a data folder it must refuse: one clear message, no stack trace, exit code 78.</summary>
public sealed class StoreProcessTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "pa-process-refused-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Process_EmbeddedStoreNothingRecoverable_PrintsTheRefusalOnceWithoutStackTraceAndExits78()
    {
        using (var server = EmbeddedGarnetServer.Start(_dataDir))
        {
            await using var connection = await StoreConnection.ConnectAsync(server.EndPoint + ",allowAdmin=true", timeoutMilliseconds: 5000);
            await connection.GetDatabase().StringSetAsync("pa:test:before", "1");
            await server.CheckpointAsync(connection);
            await connection.GetDatabase().StringSetAsync("pa:test:after", "2");
        }

        Directory.Delete(Path.Combine(_dataDir, "garnet", "checkpoints", "Store"), recursive: true);
        Directory.Delete(Path.Combine(_dataDir, "garnet", "kept"), recursive: true);

        var bot = Path.Combine(AppContext.BaseDirectory, "PartyAffairs.Bot.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dataDir,
            ArgumentList = { bot, "--Storage:DataDir=" + _dataDir, "--urls", "http://127.0.0.1:0" },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;

        Assert.Equal(StoreStartException.ExitCode, process.ExitCode);
        Assert.Single(output.Split('\n'), line => line.Contains("The embedded store will not start", StringComparison.Ordinal));
        Assert.Contains("Storage:AllowEmptyStart=true", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
