namespace PartyAffairs.Scheduler.Calendar;

/// <summary>One holiday of a year: its name (元旦, 春节, 国庆节、中秋节 …) and every day off it brings, weekend days included.</summary>
public sealed record HolidayBlock(string Name, IReadOnlyList<DateOnly> Dates);
