namespace PartyAffairs.Scheduler.Calendar;

/// <summary>Where a year's days off come from.</summary>
public enum HolidayDataOrigin
{
    /// <summary>The State Council notice in the table shipped with the application (<c>data/cn-holidays.json</c>).</summary>
    Shipped,

    /// <summary>The State Council notice an operator loaded through the admin API (kept in the store).</summary>
    Loaded,

    /// <summary>No notice yet: the statutory days computed from the law, provisional (调休 workdays unknown).</summary>
    Computed,
}
