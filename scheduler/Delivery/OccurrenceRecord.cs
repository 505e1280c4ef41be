namespace PartyAffairs.Scheduler.Delivery;

/// <summary>What is stored once per occurrence, shared by all its delivery items.</summary>
public sealed record OccurrenceRecord
{
    /// <summary>Occurrence id (branch:kinds:period:reminderKind).</summary>
    public required string Id { get; init; }

    /// <summary>The branch.</summary>
    public required string BranchId { get; init; }

    /// <summary>The duty kinds.</summary>
    public required IReadOnlyList<string> Kinds { get; init; }

    /// <summary>The period key.</summary>
    public required string PeriodKey { get; init; }

    /// <summary>Not sent after this instant.</summary>
    public required DateTimeOffset UsefulUntil { get; init; }

    /// <summary>The message.</summary>
    public required ReminderMessage Message { get; init; }

    /// <summary>Whose ledger record stops it: each member's own, the branch's (<c>_branch</c>), or none.</summary>
    public string? StopSubject { get; init; }

    /// <summary>
    /// For a digest (several reminders for one person at one send time): its lines, each stopped by its own ledger record;
    /// empty for a single reminder. At send time confirmed lines are dropped, and a digest whose lines are all confirmed
    /// is skipped.
    /// </summary>
    public IReadOnlyList<DigestLine> Lines { get; init; } = [];

    /// <summary><see cref="StopSubject"/> value meaning “the recipient's own record”.</summary>
    public const string RecipientSubject = "_member";
}
