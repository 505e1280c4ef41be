using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Benchmarks.Reminders;

/// <summary>A branch of N members, all reachable on the loopback channel.</summary>
internal sealed class BenchmarkDirectory(int members) : IMemberDirectory
{
    private readonly IReadOnlyList<ReminderRecipient> _members = Enumerable.Range(0, members)
        .Select(i => new ReminderRecipient { MemberId = $"m{i:00000}", Name = $"党员{i}", Role = i == 0 ? "党支部书记" : "党员", ChannelId = "directline" })
        .ToArray();

    public Task<IReadOnlyList<string>> ListBranchIdsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>(["bench"]);

    public Task<IReadOnlyList<ReminderRecipient>> ListMembersAsync(string branchId, CancellationToken cancellationToken) => Task.FromResult(_members);
}
