using System.Globalization;

namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>
/// Pacing of a branch duty required N times per period: before part <paramref name="Part"/> of N ends, the secretaries are
/// told if fewer than <paramref name="Part"/> occurrences are counted.
/// </summary>
/// <param name="Part">Which part of the period (1 … N − 1), also the count expected by the checkpoint; part of the key.</param>
/// <param name="Checkpoint">The last day of the part.</param>
public sealed record DutyPace(int Part, DateOnly Checkpoint) : ReminderKind
{
    /// <inheritdoc />
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"pace-{Part}");
}
