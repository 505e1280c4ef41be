using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace PartyAffairs.Bot.Tests.EndToEnd;

/// <summary>
/// Runs a script of tests/e2e (chat.mjs by default, console.mjs for the console; playwright-core driving Debian Chromium)
/// against a running host and returns its report.
/// </summary>
internal static class BrowserScenario
{
    /// <summary>Where screenshots go (under the test output folder).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "e2e-screenshots");

    public static Task<JsonElement> RunAsync(Uri baseAddress, object scenario) =>
        RunAsync("chat.mjs", baseAddress, scenario, ScreenshotDirectory, TimeSpan.FromMinutes(3));

    /// <summary>Runs <paramref name="script"/> with its artifacts (screenshots, downloads) written to <paramref name="artifacts"/>.</summary>
    public static async Task<JsonElement> RunAsync(string script, Uri baseAddress, object scenario, string artifacts, TimeSpan limit)
    {
        var e2e = Path.Combine(RepositoryRoot(), "tests", "e2e");
        if (!Directory.Exists(Path.Combine(e2e, "node_modules", "playwright-core")))
        {
            throw new InvalidOperationException("playwright-core is not installed: run `npm ci` in tests/e2e (./test.sh does it).");
        }

        Directory.CreateDirectory(artifacts);
        var scenarioFile = Path.Combine(Path.GetTempPath(), $"{Path.GetFileNameWithoutExtension(script)}-scenario-{Guid.NewGuid():N}.json");
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
            foreach (var argument in new[] { script, baseAddress.ToString().TrimEnd('/'), artifacts, scenarioFile })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{script} did not finish within {limit}: " + await stderr);
            }

            var output = await stdout;
            if (string.IsNullOrWhiteSpace(output))
            {
                throw new InvalidOperationException($"{script} printed nothing (exit {process.ExitCode}): {await stderr}");
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
