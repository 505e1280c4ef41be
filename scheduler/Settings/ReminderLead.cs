namespace PartyAffairs.Scheduler.Settings;

/// <summary>A reminder before an event: <see cref="DaysBefore"/> days before (0 = on the day) at <see cref="Time"/>.</summary>
public sealed record ReminderLead(int DaysBefore, TimeOnly Time);
