namespace PartyAffairs.Scheduler.Delivery;

/// <summary>The branches and their members; implemented by the host over its roster and conversation stores.</summary>
public interface IMemberDirectory
{
    /// <summary>Every branch id.</summary>
    Task<IReadOnlyList<string>> ListBranchIdsAsync(CancellationToken cancellationToken);

    /// <summary>Every member of a branch with role and reachable channel.</summary>
    Task<IReadOnlyList<ReminderRecipient>> ListMembersAsync(string branchId, CancellationToken cancellationToken);

    /// <summary>The local day the branch was created, or null when unknown (then every deadline is reminded).</summary>
    Task<DateOnly?> BranchCreatedAsync(string branchId, CancellationToken cancellationToken) => Task.FromResult<DateOnly?>(null);
}
