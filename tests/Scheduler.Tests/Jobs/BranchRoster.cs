using System.Collections.Concurrent;
using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Scheduler.Tests.Jobs;

/// <summary>A roster of several branches that tests can grow while hosts run (the host's directory is tested in the bot project).</summary>
internal sealed class BranchRoster : IMemberDirectory
{
    private readonly ConcurrentDictionary<string, ReminderRecipient[]> _branches = new(StringComparer.Ordinal);

    /// <summary>Adds (or replaces) a branch with a secretary and <paramref name="members"/> - 1 members.</summary>
    public BranchRoster With(string branchId, int members)
    {
        var list = new List<ReminderRecipient> { new() { MemberId = $"{branchId}-sec", Name = "书记", Role = "党支部书记", ChannelId = "directline" } };
        for (var i = 1; i < members; i++)
        {
            list.Add(new ReminderRecipient { MemberId = $"{branchId}-m{i:000}", Name = $"党员{i}", Role = "党员", ChannelId = "directline" });
        }

        _branches[branchId] = [.. list];
        return this;
    }

    public IReadOnlyList<string> MemberIds(string branchId) => _branches[branchId].Select(m => m.MemberId).ToArray();

    public Task<IReadOnlyList<string>> ListBranchIdsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_branches.Keys.Order(StringComparer.Ordinal).ToArray());

    public Task<IReadOnlyList<ReminderRecipient>> ListMembersAsync(string branchId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderRecipient>>(_branches.TryGetValue(branchId, out var members) ? members : []);
}
