using StackExchange.Redis;

namespace PartyAffairs.Bot.Conversation;

/// <summary>
/// Leave is reported to the secretaries once per occurrence (member, duty, period): a second request for the same
/// occurrence — repeated, or after 撤销 — records leave again but tells no one again. One key per occurrence,
/// <c>pa:leave-noted:{branch}:{member}:{kind}:{period}</c>, set once (SET NX) and kept for <see cref="KeptFor"/>.
/// </summary>
internal sealed class LeaveNotices(IConnectionMultiplexer connection)
{
    /// <summary>How long the mark is kept: longer than any leave window.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(400);

    /// <summary>The key of one occurrence's mark.</summary>
    public static RedisKey Key(string branchId, string memberId, string dutyKind, string periodKey) =>
        $"pa:leave-noted:{branchId}:{memberId}:{dutyKind}:{periodKey}";

    /// <summary>True the first time it is asked for an occurrence (the secretaries are to be told); false afterwards.</summary>
    public Task<bool> FirstAsync(string branchId, string memberId, string dutyKind, string periodKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return connection.GetDatabase().StringSetAsync(Key(branchId, memberId, dutyKind, periodKey), "1", KeptFor, When.NotExists);
    }
}
