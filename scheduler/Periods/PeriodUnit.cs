namespace PartyAffairs.Scheduler.Periods;

/// <summary>The calendar unit a duty's period is counted in, as the documents count it.</summary>
public enum PeriodUnit
{
    /// <summary>An ISO week, Monday to Sunday.</summary>
    Week,

    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>Two calendar months: Jan–Feb, Mar–Apr, …</summary>
    TwoMonths,

    /// <summary>A calendar quarter.</summary>
    Quarter,

    /// <summary>A calendar half-year.</summary>
    HalfYear,

    /// <summary>A calendar year.</summary>
    Year,
}
