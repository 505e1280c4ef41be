using BenchmarkDotNet.Running;
using PartyAffairs.Benchmarks.ChatLoad;

namespace PartyAffairs.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks -- --filter '*'</c> for BenchmarkDotNet;
/// <c>… -- chat-load</c> for the chat protocol load test (see docs/benchmarks.md).
/// </summary>
internal static class BenchmarkProgram
{
    private static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["chat-load", .. var rest]:
                return await ChatLoadProgram.RunAsync(rest);
            case ["minimal-server", .. var rest]:
                return await MinimalServer.RunAsync(rest);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
                return 0;
        }
    }
}
