using PartyAffairs.Bot.State;
using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Bot.Scheduling;

/// <summary>The scheduler's member directory over the roster and the stored conversation references.</summary>
internal sealed class RosterMemberDirectory(RosterStore roster, ChannelAddressStore addresses) : IMemberDirectory
{
    public async Task<IReadOnlyList<string>> ListBranchIdsAsync(CancellationToken cancellationToken) =>
        (await roster.ListBranchesAsync(cancellationToken)).Select(b => b.Id).ToArray();

    public async Task<IReadOnlyList<ReminderRecipient>> ListMembersAsync(string branchId, CancellationToken cancellationToken)
    {
        var members = await roster.ListMembersAsync(branchId, cancellationToken);
        var references = await addresses.GetPreferredAsync(members.Select(m => m.Id).ToArray(), cancellationToken);
        return members.Select(m => new ReminderRecipient
        {
            MemberId = m.Id,
            Name = m.Name,
            Role = m.Role,
            ChannelId = references.TryGetValue(m.Id, out var reference) ? reference.ChannelId : null,
            Since = DateOnly.FromDateTime(m.CreatedAt.UtcDateTime),
            ProbationStart = m.Profile?.ProbationStart,
            ProbationExtendedUntil = m.Profile?.ProbationExtendedUntil,
            Introducers = m.Profile?.Introducers ?? [],
            PartyGroup = m.Profile?.PartyGroup,
            TeamMember = m.Profile?.TeamMember ?? false,
            AwayFrom = m.Profile?.AwayFrom,
            AwayUntil = m.Profile?.AwayUntil,
        }).ToArray();
    }

    public async Task<DateOnly?> BranchCreatedAsync(string branchId, CancellationToken cancellationToken) =>
        await roster.GetBranchAsync(branchId, cancellationToken) is { } branch
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(branch.CreatedAt, ShanghaiZone).DateTime)
            : null;

    private static readonly TimeZoneInfo ShanghaiZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
}
