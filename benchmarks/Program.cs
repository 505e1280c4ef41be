using BenchmarkDotNet.Running;

namespace PartyAffairs.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks -- --filter '*'</c>.</summary>
internal static class BenchmarkProgram
{
    private static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
