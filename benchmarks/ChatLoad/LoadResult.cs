using System.Globalization;

namespace PartyAffairs.Benchmarks.ChatLoad;

/// <summary>What one timed load run measured.</summary>
internal sealed record LoadResult(string Name, int Requests, int Errors, TimeSpan Duration, double[] LatenciesMs)
{
    public double TurnsPerSecond => Requests / Duration.TotalSeconds;

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
        $"| {Name} | {TurnsPerSecond:F0} | {Percentile(50):F1} | {Percentile(99):F1} | {Requests} | {Errors} |");
}
