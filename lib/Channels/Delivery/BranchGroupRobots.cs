using Microsoft.Extensions.Options;

namespace PartyAffairs.Channels.Delivery;

/// <summary>The configured group robots (<see cref="IGroupNoticeSender"/>) that post into a branch's groups.</summary>
public sealed class BranchGroupRobots(IEnumerable<IGroupNoticeSender> senders, IOptions<GroupNoticeOptions> options)
{
    /// <summary>The robots configured for <paramref name="branchId"/>'s groups; empty when it has none.</summary>
    public IReadOnlyList<IGroupNoticeSender> For(string branchId)
    {
        ArgumentNullException.ThrowIfNull(branchId);
        var branches = options.Value.Branches;
        return senders.Where(s => s.IsConfigured && branches.TryGetValue(s.ChannelId, out var branch) && branch == branchId).ToArray();
    }
}
