namespace PartyAffairs.Scheduler.Completion;

/// <summary>What a member (or the branch) did about a duty in a period.</summary>
public enum CompletionStatus
{
    /// <summary>Confirmed as done.</summary>
    Done,

    /// <summary>Excused for this occurrence (请假); the secretary is told.</summary>
    Leave,
}
