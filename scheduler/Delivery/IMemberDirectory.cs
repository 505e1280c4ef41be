namespace PartyAffairs.Scheduler.Delivery;

/// <summary>The branches and their members; implemented by the host over its roster and conversation stores.</summary>
public interface IMemberDirectory
{
    /// <summary>Every branch id.</summary>
    Task<IReadOnlyList<string>> ListBranchIdsAsync(CancellationToken cancellationToken);

    /// <summary>Every member of a branch with role and reachable channel.</summary>
    Task<IReadOnlyList<ReminderRecipient>> ListMembersAsync(string branchId, CancellationToken cancellationToken);
}
