namespace PartyAffairs.Ledger.Roster;

/// <summary>
/// The branches and members the ledger refers to by id; the roster itself stays where the host keeps it (Redis), and
/// the host implements this over it. The ledger asks it for names (attendance by name, the workbook) and roles (quotas).
/// </summary>
public interface IBranchRoster
{
    /// <summary>The branch, or null when there is none.</summary>
    Task<RosterBranch?> GetBranchAsync(string branchId, CancellationToken cancellationToken);

    /// <summary>Every member of the branch, in roster order.</summary>
    Task<IReadOnlyList<RosterMember>> ListMembersAsync(string branchId, CancellationToken cancellationToken);
}
