namespace PartyAffairs.Scheduler.Calendar;

/// <summary>Why a State Council notice was refused; the data each needs is on <see cref="HolidayNoticeProblem"/>.</summary>
public enum HolidayNoticeProblemCode
{
    /// <summary>Not a JSON object.</summary>
    NotJson,

    /// <summary>No <c>source</c> (<see cref="HolidayNoticeProblem.Year"/> for the example).</summary>
    SourceMissing,

    /// <summary>No <c>holidays</c>, or an empty array.</summary>
    HolidaysMissing,

    /// <summary>A property (<see cref="HolidayNoticeProblem.Name"/>: holidays, workdays) is not an array.</summary>
    NotAnArray,

    /// <summary>The holiday at 1-based <see cref="HolidayNoticeProblem.Index"/> has no name.</summary>
    HolidayNameMissing,

    /// <summary>The holiday <see cref="HolidayNoticeProblem.Name"/> has no dates.</summary>
    DatesMissing,

    /// <summary>The adjusted working day at 1-based <see cref="HolidayNoticeProblem.Index"/> has no name.</summary>
    WorkdayNameMissing,

    /// <summary>The adjusted working day <see cref="HolidayNoticeProblem.Name"/> has no date.</summary>
    WorkdayDateMissing,

    /// <summary>A date of <see cref="HolidayNoticeProblem.Name"/> (<see cref="HolidayNoticeProblem.Text"/>) is not yyyy-MM-dd.</summary>
    DateUnreadable,

    /// <summary>A date of <see cref="HolidayNoticeProblem.Name"/> (<see cref="HolidayNoticeProblem.Date"/>) is outside <see cref="HolidayNoticeProblem.Year"/>.</summary>
    DateOutsideYear,

    /// <summary>The adjusted working day <see cref="HolidayNoticeProblem.Name"/> (<see cref="HolidayNoticeProblem.Date"/>) is not a Saturday or Sunday.</summary>
    WorkdayNotWeekend,

    /// <summary><see cref="HolidayNoticeProblem.Date"/> is listed both as a day off and as a working day.</summary>
    BothHolidayAndWorkday,

    /// <summary>
    /// The statutory holiday <see cref="HolidayNoticeProblem.Name"/> is named in no block; <see cref="HolidayNoticeProblem.Dates"/>
    /// are its statutory days in <see cref="HolidayNoticeProblem.Year"/>.
    /// </summary>
    StatutoryHolidayMissing,

    /// <summary>The block <see cref="HolidayNoticeProblem.Name"/> lacks the statutory day <see cref="HolidayNoticeProblem.StatutoryDay"/>.</summary>
    StatutoryDayMissing,
}
