using System.Globalization;

namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>Before a members' duty's period ends, members who have not confirmed it are nudged.</summary>
/// <param name="NudgeDays">Days before the deadline it is planned for, by the period's length (7 for a month); part of the key.</param>
/// <param name="DaysLeft">Days from the day it is sent to the deadline.</param>
public sealed record MemberDutyNudge(int NudgeDays, int DaysLeft) : ReminderKind
{
    /// <inheritdoc />
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"member-nudge-{NudgeDays}d");
}
