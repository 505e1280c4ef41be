using System.Globalization;

namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>A later dues day of the month: members who have not confirmed are nudged.</summary>
/// <param name="DuesDay">The branch's dues day (20 for “每月20日”); part of the key.</param>
/// <param name="DaysLeft">Days from the day it is sent to the month's last day.</param>
public sealed record DuesNudge(int DuesDay, int DaysLeft) : ReminderKind
{
    /// <inheritdoc />
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"dues-nudge-{DuesDay}");
}
