namespace PartyAffairs.Scheduler.Delivery;

/// <summary>One reminder inside a digest: its duties and period, whose ledger record stops it, and its own message.</summary>
public sealed record DigestLine
{
    /// <summary>The occurrence the line is (its id as if sent alone).</summary>
    public required string OccurrenceId { get; init; }

    /// <summary>The duty kinds.</summary>
    public required IReadOnlyList<string> Kinds { get; init; }

    /// <summary>The period key.</summary>
    public required string PeriodKey { get; init; }

    /// <summary>The subject whose record stops the line (the member's id, <c>_branch</c>), or null: never stopped.</summary>
    public string? StopSubject { get; init; }

    /// <summary>The line's own message (text and buttons), as it would be sent alone.</summary>
    public required ReminderMessage Message { get; init; }
}
