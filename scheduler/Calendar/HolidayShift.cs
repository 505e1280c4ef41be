namespace PartyAffairs.Scheduler.Calendar;

/// <summary>Where a reminder that falls on a day off moves to.</summary>
public enum HolidayShift
{
    /// <summary>To the previous working day (the default: a reminder should come early, not late).</summary>
    Previous,

    /// <summary>To the next working day.</summary>
    Next,

    /// <summary>Not moved: sent on the day off.</summary>
    None,
}
