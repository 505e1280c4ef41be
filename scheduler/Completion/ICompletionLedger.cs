namespace PartyAffairs.Scheduler.Completion;

/// <summary>Per-member completion records per duty and period (the chat replacement for the paper ledger, 台账).</summary>
public interface ICompletionLedger
{
    /// <summary>Records a confirmation once; returns false when it was already recorded (same member, duty, period).</summary>
    Task<bool> RecordAsync(CompletionRecord record, CancellationToken cancellationToken);

    /// <summary>Removes a confirmation; returns false when there was none.</summary>
    Task<bool> RemoveAsync(string branchId, string memberId, string dutyKind, string periodKey, CancellationToken cancellationToken);

    /// <summary>The record for one member, duty and period, or null.</summary>
    Task<CompletionRecord?> GetAsync(string branchId, string memberId, string dutyKind, string periodKey, CancellationToken cancellationToken);

    /// <summary>Every record of a duty in a period for a branch, keyed by member id.</summary>
    Task<IReadOnlyDictionary<string, CompletionRecord>> GetForDutyAsync(string branchId, string dutyKind, string periodKey, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one occurrence of a duty required <paramref name="required"/> times per period, once per
    /// <paramref name="occurrenceKey"/> (the local date of the confirmation); writes <paramref name="record"/> as the
    /// period's completion record when the count reaches <paramref name="required"/>.
    /// </summary>
    Task<OccurrenceOutcome> AddOccurrenceAsync(CompletionRecord record, string occurrenceKey, int required, CancellationToken cancellationToken);

    /// <summary>Removes one counted occurrence, and the period's done record when the count falls below <paramref name="required"/>; false when there was none.</summary>
    Task<bool> RemoveOccurrenceAsync(string branchId, string memberId, string dutyKind, string periodKey, string occurrenceKey, int required, CancellationToken cancellationToken);

    /// <summary>How many occurrences of a duty are counted for one member (or the branch) in a period.</summary>
    Task<int> CountAsync(string branchId, string memberId, string dutyKind, string periodKey, CancellationToken cancellationToken);
}
