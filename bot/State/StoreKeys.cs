using StackExchange.Redis;

namespace PartyAffairs.Bot.State;

/// <summary>Every key the bot writes; docs/state.md lists the same keys with their types and TTLs.</summary>
internal static class StoreKeys
{
    public static readonly RedisKey Branches = "pa:branches";

    public static RedisKey Branch(string branchId) => $"pa:branch:{branchId}";

    public static RedisKey BranchMembers(string branchId) => $"pa:branch:{branchId}:members";

    public static RedisKey BranchInvites(string branchId) => $"pa:branch:{branchId}:invites";

    public static RedisKey BranchNotices(string branchId) => $"pa:branch:{branchId}:notices";

    public static RedisKey Member(string memberId) => $"pa:member:{memberId}";

    public static RedisKey MemberAccounts(string memberId) => $"pa:member:{memberId}:accounts";

    public static RedisKey MemberAddresses(string memberId) => $"pa:member:{memberId}:refs";

    public static RedisKey MemberLastConfirmation(string memberId) => $"pa:member:{memberId}:last";

    public static RedisKey Invite(string code) => $"pa:invite:{code}";

    public static RedisKey Account(string channelId, string userId) => $"pa:account:{channelId}:{userId}";

    public static RedisKey Pending(string channelId, string userId) => $"pa:pending:{channelId}:{userId}";

    public static RedisKey Activity(string channelId, string activityId) => $"pa:activity:{channelId}:{activityId}";

    /// <summary>The notice rounds' work queue (its keys start with it: <c>pa:notice:rounds:queue</c>, <c>…:processing:{instance}</c>, …).</summary>
    public const string NoticeRoundsQueue = "pa:notice:rounds";

    /// <summary>Before the work queue: ids of unfinished rounds. Read once more after an upgrade, then empty.</summary>
    public static readonly RedisKey LegacyNoticeRoundsPending = "pa:notices:pending";

    public static RedisKey NoticeRound(string roundId) => $"pa:notice:{roundId}";

    public static RedisKey NoticeRoundState(string roundId) => $"pa:notice:{roundId}:state";

    /// <summary>Before the work queue: the process running a round (SET NX PX); a round is taken over once it is gone.</summary>
    public static RedisKey LegacyNoticeRoundLease(string roundId) => $"pa:notice:{roundId}:lease";

    /// <summary>Field of <see cref="MemberAddresses"/> naming the channel the member used last.</summary>
    public const string LastChannelField = "_last";
}
