namespace PartyAffairs.Deploy.Tests;

/// <summary>
/// <c>deploy/publish-offline.sh</c> run once for the test class, into a temporary folder. Framework-dependent (the
/// script's <c>--framework-dependent</c> path reuses the suite's Release build, where a self-contained publish would
/// compile everything again for the runtime id); the rest of the script's path is the one operators run.
/// </summary>
public sealed class PublishedFolder : IAsyncLifetime
{
    /// <summary>A temporary folder holding the published folder and the test's other files.</summary>
    public string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pa-deploy-" + Guid.NewGuid().ToString("N"));

    /// <summary>The published folder.</summary>
    public string Path => System.IO.Path.Combine(Root, "partyaffairs-bot");

    /// <summary>What the script printed.</summary>
    public string Output { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        var (exitCode, output) = await Repository.RunAsync(
            System.IO.Path.Combine(Repository.Root, "deploy", "publish-offline.sh"),
            ["--framework-dependent", "--no-archive", "--output", Path],
            TimeSpan.FromMinutes(10));
        Output = output;
        Assert.True(exitCode == 0, "deploy/publish-offline.sh failed:\n" + output);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}
