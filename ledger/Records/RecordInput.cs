namespace PartyAffairs.Ledger.Records;

/// <summary>A meeting or activity record as a secretary gives it (admin API body, or a parsed chat message).</summary>
public sealed record RecordInput
{
    /// <summary>Kind (党员大会, 支委会 …); see <see cref="RecordKinds"/>.</summary>
    public string? Kind { get; init; }

    /// <summary>Date, YYYY-MM-DD.</summary>
    public string? Date { get; init; }

    /// <summary>Topic (主题).</summary>
    public string? Topic { get; init; }

    /// <summary>Speaker or chair (主讲人/主持人); free text, may be from outside the branch.</summary>
    public string? Speaker { get; init; }

    /// <summary>Members present, by name or member id.</summary>
    public IReadOnlyList<string>? Attendees { get; init; }

    /// <summary>Members absent, each with a reason where there is one (a reason makes it leave).</summary>
    public IReadOnlyList<AbsenceInput>? Absent { get; init; }

    /// <summary>Study hours the activity counts for each attendee.</summary>
    public decimal? Hours { get; init; }

    /// <summary>Notes.</summary>
    public string? Notes { get; init; }
}
