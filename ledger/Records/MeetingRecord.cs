namespace PartyAffairs.Ledger.Records;

/// <summary>A stored meeting or activity record.</summary>
public sealed record MeetingRecord
{
    /// <summary>Record id.</summary>
    public required long Id { get; init; }

    /// <summary>The branch.</summary>
    public required string BranchId { get; init; }

    /// <summary>Canonical kind.</summary>
    public required string Kind { get; init; }

    /// <summary>When it took place.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Topic.</summary>
    public string? Topic { get; init; }

    /// <summary>Speaker or chair.</summary>
    public string? Speaker { get; init; }

    /// <summary>Study hours per attendee.</summary>
    public decimal? Hours { get; init; }

    /// <summary>Notes.</summary>
    public string? Notes { get; init; }

    /// <summary>Everyone recorded present or absent.</summary>
    public required IReadOnlyList<RecordAttendee> Attendance { get; init; }

    /// <summary>Who recorded it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who changed it last, if anyone.</summary>
    public string? UpdatedBy { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Those present.</summary>
    public IEnumerable<RecordAttendee> Present => Attendance.Where(a => a.Present);

    /// <summary>Those absent.</summary>
    public IEnumerable<RecordAttendee> Absent => Attendance.Where(a => !a.Present);
}
