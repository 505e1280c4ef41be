using System.Globalization;

namespace PartyAffairs.Benchmarks.ChatLoad;

/// <summary>What one timed load run measured.</summary>
internal sealed record LoadResult(string Name, int Requests, int Errors, TimeSpan Duration, double[] LatenciesMs)
{
    public double TurnsPerSecond => Requests / Duration.TotalSeconds;

    /// <summary>CPU time the server process used during the window, when measured.</summary>
    public TimeSpan? ServerCpu { get; init; }

    /// <summary>The server's CPU per answered request, in microseconds: steadier than turns/s on a shared machine.</summary>
    public double? CpuMicrosecondsPerRequest => ServerCpu is { } cpu && Requests > 0 ? cpu.TotalMicroseconds / Requests : null;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1;
        return LatenciesMs[Math.Clamp(index, 0, LatenciesMs.Length - 1)];
    }

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {TurnsPerSecond:F0} | {Percentile(50):F1} | {Percentile(99):F1} | {Requests} | {Errors} | {(CpuMicrosecondsPerRequest is { } cpu ? cpu.ToString("F0", CultureInfo.InvariantCulture) : "")} |");
}
