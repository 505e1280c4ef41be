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

    /// <summary>Ids of notice rounds not finished yet (the report not sent).</summary>
    public static readonly RedisKey NoticeRoundsPending = "pa:notices:pending";

    public static RedisKey NoticeRound(string roundId) => $"pa:notice:{roundId}";

    public static RedisKey NoticeRoundState(string roundId) => $"pa:notice:{roundId}:state";

    public static RedisKey NoticeRoundLease(string roundId) => $"pa:notice:{roundId}:lease";

    /// <summary>Field of <see cref="MemberAddresses"/> naming the channel the member used last.</summary>
    public const string LastChannelField = "_last";
}
