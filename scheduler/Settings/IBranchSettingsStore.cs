namespace PartyAffairs.Scheduler.Settings;

/// <summary>Where branch reminder settings are kept.</summary>
public interface IBranchSettingsStore
{
    /// <summary>The branch's settings, or null when never set (defaults apply).</summary>
    Task<BranchReminderSettings?> GetAsync(string branchId, CancellationToken cancellationToken);

    /// <summary>Stores the branch's settings (already validated).</summary>
    Task SaveAsync(string branchId, BranchReminderSettings settings, CancellationToken cancellationToken);
}
