using BenchmarkDotNet.Running;
using PartyAffairs.Benchmarks.ChatLoad;
using PartyAffairs.Benchmarks.Understanding;

namespace PartyAffairs.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks -- --filter '*'</c> for BenchmarkDotNet;
/// <c>… -- chat-load</c> for the chat protocol load test (see docs/benchmarks.md); <c>… -- intent-eval</c> for the intent
/// layer's accuracy, rules against ML.NET (see docs/conversation.md).
/// </summary>
internal static class BenchmarkProgram
{
    private static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["chat-load", .. var rest]:
                return await ChatLoadProgram.RunAsync(rest);
            case ["intent-eval", ..]:
                return IntentEvaluation.Run();
            case ["minimal-server", .. var rest]:
                return await MinimalServer.RunAsync(rest);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
                return 0;
        }
    }
}
