namespace PartyAffairs.Scheduler.Calendar;

/// <summary>One year's days off and adjusted working days, from a State Council notice or computed from the law.</summary>
public sealed record HolidayYear
{
    /// <summary>The calendar year.</summary>
    public required int Year { get; init; }

    /// <summary>The notice (国务院办公厅关于2027年部分节假日安排的通知 …), or the law the days were computed from.</summary>
    public required string Source { get; init; }

    /// <summary>Where the data come from.</summary>
    public required HolidayDataOrigin Origin { get; init; }

    /// <summary>The holidays, each with every day off it brings.</summary>
    public required IReadOnlyList<HolidayBlock> Holidays { get; init; }

    /// <summary>The adjusted working days (调休); none for a computed year.</summary>
    public IReadOnlyList<AdjustedWorkday> Workdays { get; init; } = [];

    /// <summary>True when no State Council notice is known: the days are the law's statutory days and 调休 is unknown.</summary>
    public bool Provisional => Origin == HolidayDataOrigin.Computed;
}
