namespace PartyAffairs.Scheduler.Calendar;

/// <summary>One statutory day off of the law: the holiday, the date, and the rule that gives it (农历五月初五 …).</summary>
public sealed record StatutoryDay(string Holiday, DateOnly Date, string Rule);
