using System.Globalization;

namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>A private nudge to a member who has not confirmed dues for <paramref name="Months"/> consecutive months.</summary>
/// <param name="Months">Consecutive months without a dues record (a step of the ladder: 2, 4).</param>
public sealed record ArrearsNudge(int Months) : ReminderKind
{
    /// <inheritdoc />
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"arrears-{Months}");
}
