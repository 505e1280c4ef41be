using System.Globalization;

namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>
/// Before the themed party day (or on it): members who have not confirmed are told when and where it is.
/// </summary>
/// <param name="Day">The themed day.</param>
/// <param name="Time">Its start time, local to the branch.</param>
/// <param name="Place">Where it takes place, if set.</param>
/// <param name="LeadDays">The branch's lead this reminder stands for (3 for “3 days before”); part of the key.</param>
/// <param name="DaysBefore">Days from the day it is sent to the themed day (0: on the day), after moving off days off.</param>
public sealed record ThemedDayLead(DateOnly Day, TimeOnly Time, string? Place, int LeadDays, int DaysBefore) : ReminderKind
{
    /// <inheritdoc />
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"themed-{Day:MMdd}-{LeadDays}d");
}
