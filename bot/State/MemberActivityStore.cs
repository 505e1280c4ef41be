using StackExchange.Redis;

namespace PartyAffairs.Bot.State;

/// <summary>What a member confirmed last (for 撤销) and the branch's notice log.</summary>
public sealed class MemberActivityStore(IConnectionMultiplexer connection)
{
    /// <summary>How many notices a branch's log keeps.</summary>
    public const int NoticeLogLength = 200;

    private IDatabase Db => connection.GetDatabase();

    /// <summary>Remembers the member's latest confirmation.</summary>
    public Task SetLastAsync(string memberId, LastConfirmation last, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Db.StringSetAsync(StoreKeys.MemberLastConfirmation(memberId), StoreJson.Write(last));
    }

    /// <summary>Removes and returns the latest confirmation (GETDEL), so two 撤销 never undo twice.</summary>
    public async Task<LastConfirmation?> TakeLastAsync(string memberId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return StoreJson.Read<LastConfirmation>(await Db.StringGetDeleteAsync(StoreKeys.MemberLastConfirmation(memberId)));
    }

    /// <summary>Appends a sent notice to the branch's log (newest first, bounded).</summary>
    public async Task LogNoticeAsync(string branchId, SentNotice notice, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = Db;
        var push = db.ListLeftPushAsync(StoreKeys.BranchNotices(branchId), StoreJson.Write(notice));
        var trim = db.ListTrimAsync(StoreKeys.BranchNotices(branchId), 0, NoticeLogLength - 1);
        await Task.WhenAll(push, trim);
    }

    /// <summary>The branch's most recent notices, newest first.</summary>
    public async Task<IReadOnlyList<SentNotice>> GetNoticesAsync(string branchId, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var values = await Db.ListRangeAsync(StoreKeys.BranchNotices(branchId), 0, count - 1);
        return values.Select(StoreJson.Read<SentNotice>).OfType<SentNotice>().ToArray();
    }
}
