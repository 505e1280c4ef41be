using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>What recording a member's answer to a reminder did, for the host to word the reply.</summary>
public sealed record ResponseOutcome
{
    /// <summary>The duties answered (several when one event satisfies several: 组织生活会 with 民主评议党员).</summary>
    public required IReadOnlyList<TrackedDuty> Duties { get; init; }

    /// <summary>The period answered for.</summary>
    public required DutyPeriod Period { get; init; }

    /// <summary>Done or leave.</summary>
    public required CompletionStatus Status { get; init; }

    /// <summary>
    /// False when nothing new was recorded: the answer was recorded before, or for a duty required several times, today's
    /// occurrence was counted already.
    /// </summary>
    public required bool Recorded { get; init; }

    /// <summary>For a duty required several times per period: the count after this answer (the least, for duties held together); else null.</summary>
    public OccurrenceOutcome? Count { get; init; }
}
