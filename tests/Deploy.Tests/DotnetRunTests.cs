using System.Text.Json;

namespace PartyAffairs.Deploy.Tests;

/// <summary>How the README's `dotnet run --project bot` starts the host.</summary>
public sealed class DotnetRunTests
{
    [Fact]
    public async Task DotnetRun_BotProject_KeepsTheCallersWorkingDirectoryWithTheProjectAsContentRoot()
    {
        var (exitCode, output) = await Repository.RunAsync(
            "dotnet", ["msbuild", "bot/Bot.csproj", "-nologo", "-getProperty:RunWorkingDirectory", "-getProperty:RunArguments"], TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 0, output);
        var properties = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]).RootElement.GetProperty("Properties");
        // Empty: `dotnet run` starts the host in the directory the command was typed in, so ./data is there.
        Assert.Equal("", properties.GetProperty("RunWorkingDirectory").GetString());
        // appsettings.json and wwwroot still come from bot/.
        Assert.Equal($"--contentRoot \"{Path.Combine(Repository.Root, "bot")}\"", properties.GetProperty("RunArguments").GetString());
    }
}
