using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace PartyAffairs.Bot.Tests.Console;

/// <summary>Runs tests/e2e/console.mjs (playwright-core driving Debian Chromium) against a running host and returns its report.</summary>
internal static class ConsoleBrowserScenario
{
    /// <summary>Where screenshots and the downloaded workbook go (under the test output folder).</summary>
    public static string ArtifactDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "e2e-screenshots", "console");

    public static async Task<JsonElement> RunAsync(Uri baseAddress, object scenario)
    {
        var e2e = Path.Combine(RepositoryRoot(), "tests", "e2e");
        if (!Directory.Exists(Path.Combine(e2e, "node_modules", "playwright-core")))
        {
            throw new InvalidOperationException("playwright-core is not installed: run `npm ci` in tests/e2e (./test.sh does it).");
        }

        Directory.CreateDirectory(ArtifactDirectory);
        var scenarioFile = Path.Combine(Path.GetTempPath(), $"console-scenario-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(scenarioFile, JsonSerializer.Serialize(scenario));
        try
        {
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = e2e,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var argument in new[] { "console.mjs", baseAddress.ToString().TrimEnd('/'), ArtifactDirectory, scenarioFile })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The console scenario did not finish within 4 minutes: " + await stderr);
            }

            var output = await stdout;
            if (string.IsNullOrWhiteSpace(output))
            {
                throw new InvalidOperationException($"console.mjs printed nothing (exit {process.ExitCode}): {await stderr}");
            }

            return JsonDocument.Parse(output).RootElement.Clone();
        }
        finally
        {
            File.Delete(scenarioFile);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
