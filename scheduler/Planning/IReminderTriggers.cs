namespace PartyAffairs.Scheduler.Planning;

/// <summary>Keeps a branch's triggers in step with its settings (called after settings change).</summary>
public interface IReminderTriggers
{
    /// <summary>Re-plans the branch's triggers.</summary>
    Task RefreshAsync(string branchId, CancellationToken cancellationToken);
}
