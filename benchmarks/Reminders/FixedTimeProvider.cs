namespace PartyAffairs.Benchmarks.Reminders;

/// <summary>A clock stopped at noon, so quiet hours never park the benchmark's reminders.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
