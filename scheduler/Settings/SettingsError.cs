namespace PartyAffairs.Scheduler.Settings;

/// <summary>Why settings were refused (the first problem found), with the data the host's words need; nothing was stored.</summary>
/// <param name="Code">The problem.</param>
public sealed record SettingsError(SettingsErrorCode Code)
{
    /// <summary>The offending text: a time zone id or a document id.</summary>
    public string? Text { get; init; }

    /// <summary>The offending number: an ordinal or a day of month.</summary>
    public int Number { get; init; }

    /// <summary>The weekday of an Nth-weekday rule.</summary>
    public DayOfWeek Weekday { get; init; }

    /// <summary>The offending date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>A working day to show in the example.</summary>
    public DateOnly? ExampleDate { get; init; }

    /// <summary>The offending time of day.</summary>
    public TimeOnly? Time { get; init; }

    /// <summary>The ids that would have been accepted.</summary>
    public IReadOnlyList<string> Known { get; init; } = [];
}
