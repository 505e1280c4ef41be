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
}
