using System.Collections.Concurrent;
using PartyAffairs.Ledger.Roster;

namespace PartyAffairs.Ledger.Tests.Infrastructure;

/// <summary>A roster in memory (the host's, over Redis, is tested through the admin API).</summary>
public sealed class InMemoryRoster : IBranchRoster
{
    private readonly ConcurrentDictionary<string, (RosterBranch Branch, List<RosterMember> Members)> _branches = new(StringComparer.Ordinal);

    public InMemoryRoster Add(string branchId, DateTimeOffset createdAt, params RosterMember[] members)
    {
        _branches[branchId] = (new RosterBranch(branchId, "机关第一党支部", createdAt), [.. members]);
        return this;
    }

    public Task<RosterBranch?> GetBranchAsync(string branchId, CancellationToken cancellationToken) =>
        Task.FromResult(_branches.TryGetValue(branchId, out var entry) ? entry.Branch : null);

    public Task<IReadOnlyList<RosterMember>> ListMembersAsync(string branchId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RosterMember>>(_branches.TryGetValue(branchId, out var entry) ? entry.Members.ToArray() : []);
}
