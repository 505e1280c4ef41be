using System.Globalization;

namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>
/// Before a duty's deadline the secretaries are told how far the branch is: not yet done, done k of N times, or how many
/// members have not confirmed a members' duty.
/// </summary>
/// <param name="LeadDays">The branch's secretary lead this reminder stands for (14 for “14 days before”); part of the key.</param>
/// <param name="DaysLeft">Days from the day it is sent to the deadline.</param>
public sealed record DutyDue(int LeadDays, int DaysLeft) : ReminderKind
{
    /// <inheritdoc />
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"due-{LeadDays}d");
}
