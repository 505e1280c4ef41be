namespace PartyAffairs.Scheduler.Settings;

/// <summary>A warning about settings that were saved all the same (a themed day on a day off); the secretary decides.</summary>
/// <param name="Code">What is warned about.</param>
public sealed record SettingsWarning(SettingsWarningCode Code)
{
    /// <summary>The themed day that is a day off.</summary>
    public DateOnly Date { get; init; }

    /// <summary>The holiday's name, or null for a weekend day.</summary>
    public string? Holiday { get; init; }

    /// <summary>The last working day before <see cref="Date"/>.</summary>
    public DateOnly NearestBefore { get; init; }

    /// <summary>The first working day after <see cref="Date"/>.</summary>
    public DateOnly NearestAfter { get; init; }

    /// <summary>How many more days off there are.</summary>
    public int Count { get; init; }

    /// <summary>The provisional years.</summary>
    public IReadOnlyList<int> Years { get; init; } = [];
}
