namespace PartyAffairs.Scheduler.Calendar;

/// <summary>A weekend day that is an official working day (调休), named after the holiday it makes up for.</summary>
public sealed record AdjustedWorkday(string Name, DateOnly Date);
