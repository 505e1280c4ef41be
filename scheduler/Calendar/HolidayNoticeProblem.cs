namespace PartyAffairs.Scheduler.Calendar;

/// <summary>Why a State Council notice was refused (the first problem found), with the data the host's words need.</summary>
/// <param name="Code">The problem.</param>
public sealed record HolidayNoticeProblem(HolidayNoticeProblemCode Code)
{
    /// <summary>The holiday, adjusted working day or property concerned.</summary>
    public string? Name { get; init; }

    /// <summary>The offending text (an unreadable date).</summary>
    public string? Text { get; init; }

    /// <summary>The 1-based position of the entry concerned.</summary>
    public int Index { get; init; }

    /// <summary>The notice's year.</summary>
    public int Year { get; init; }

    /// <summary>The offending date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The statutory days of a missing holiday.</summary>
    public IReadOnlyList<DateOnly> Dates { get; init; } = [];

    /// <summary>The statutory day missing from its block.</summary>
    public StatutoryDay? StatutoryDay { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Name}{(Date is { } date ? " " + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}".TrimEnd();
}
