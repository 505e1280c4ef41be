using System.Text.Json;
using PartyAffairs.Bot.Tests.EndToEnd;

namespace PartyAffairs.Bot.Tests.Console;

/// <summary>Runs tests/e2e/console.mjs through <see cref="BrowserScenario"/> and returns its report.</summary>
internal static class ConsoleBrowserScenario
{
    /// <summary>Where screenshots and the downloaded workbook go (under the test output folder).</summary>
    public static string ArtifactDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "e2e-screenshots", "console");

    public static Task<JsonElement> RunAsync(Uri baseAddress, object scenario) =>
        BrowserScenario.RunAsync("console.mjs", baseAddress, scenario, ArtifactDirectory, TimeSpan.FromMinutes(4));
}
