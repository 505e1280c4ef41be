namespace PartyAffairs.Ledger.Completion;

/// <summary>Where a subject stands on a duty in a period.</summary>
public enum PeriodState
{
    /// <summary>已完成.</summary>
    Done,

    /// <summary>请假.</summary>
    Leave,

    /// <summary>未完成.</summary>
    Missing,
}
