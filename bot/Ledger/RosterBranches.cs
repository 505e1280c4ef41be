using PartyAffairs.Bot.State;
using PartyAffairs.Ledger.Roster;

namespace PartyAffairs.Bot.Ledger;

/// <summary>The ledger's view of the roster, over the roster in Redis (the one source of truth for branches and members).</summary>
internal sealed class RosterBranches(RosterStore roster) : IBranchRoster
{
    public async Task<RosterBranch?> GetBranchAsync(string branchId, CancellationToken cancellationToken) =>
        await roster.GetBranchAsync(branchId, cancellationToken) is { } branch ? new RosterBranch(branch.Id, branch.Name, branch.CreatedAt) : null;

    public async Task<IReadOnlyList<RosterMember>> ListMembersAsync(string branchId, CancellationToken cancellationToken) =>
        (await roster.ListMembersAsync(branchId, cancellationToken))
            .Select(m => new RosterMember(m.Id, m.Name, m.Role, DateOnly.FromDateTime(m.CreatedAt.UtcDateTime)))
            .ToArray();
}
