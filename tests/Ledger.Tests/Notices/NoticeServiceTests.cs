using PartyAffairs.Ledger.Notices;
using PartyAffairs.Ledger.Tests.Infrastructure;

namespace PartyAffairs.Ledger.Tests.Notices;

/// <summary>Notices as records: recorded once, counts filled in at the end, acknowledged once per member; on both stores.</summary>
public abstract class NoticeServiceTests(ILedgerStore store)
{
    private const string B = LedgerHarness.Branch;

    private static NoticeDraft Draft(LedgerHarness h, string key = "step-1", string text = "周五下午三点开党员大会") => new()
    {
        Key = key,
        BranchId = B,
        SenderId = "sec",
        SenderName = "王明",
        Text = text,
        SentAt = h.Time.GetUtcNow(),
        Addressees =
        [
            new("m1", "张三", NoticeDelivery.Pending),
            new("m2", "李四", NoticeDelivery.Pending),
            new("m3", "赵敏", NoticeDelivery.Pending),
            new("m4", "钱七", NoticeDelivery.Unbound),
        ],
    };

    [Fact]
    public async Task Record_SameKeyTwice_OneNoticeWithItsAddressees()
    {
        var h = await LedgerHarness.CreateAsync(store);

        var first = await h.Notices.RecordAsync(Draft(h), default);
        var again = await h.Notices.RecordAsync(Draft(h), default);

        Assert.Equal(first, again);
        var notice = (await h.Notices.GetAsync(B, first, default))!;
        Assert.Equal(4, notice.Recipients);
        Assert.Equal(["张三", "李四", "赵敏", "钱七"], notice.Addressees.Select(a => a.Name));
        Assert.False(notice.Finished);
        Assert.Single(await h.Notices.ListAsync(B, 2026, TimeZoneInfo.Utc, default));
    }

    [Fact]
    public async Task Finish_DeliveryStates_CountsDeliveredUnboundFailed()
    {
        var h = await LedgerHarness.CreateAsync(store);
        var id = await h.Notices.RecordAsync(Draft(h), default);

        var states = new Dictionary<string, NoticeDelivery> { ["m1"] = NoticeDelivery.Delivered, ["m2"] = NoticeDelivery.Delivered, ["m3"] = NoticeDelivery.Failed };
        Assert.True(await h.Notices.FinishAsync(B, "step-1", states, default));
        Assert.True(await h.Notices.FinishAsync(B, "step-1", states, default));

        var notice = (await h.Notices.GetAsync(B, id, default))!;
        Assert.Equal((2, 1, 1), (notice.Delivered!.Value, notice.Unbound!.Value, notice.Failed!.Value));
        Assert.False(await h.Notices.FinishAsync(B, "no-such", states, default));
        Assert.False(await h.Notices.FinishAsync("other", "step-1", states, default));
    }

    [Fact]
    public async Task Acknowledge_Twice_RecordedOnceAndListedByName()
    {
        var h = await LedgerHarness.CreateAsync(store);
        var id = await h.Notices.RecordAsync(Draft(h), default);
        await h.Notices.FinishAsync(B, "step-1", new Dictionary<string, NoticeDelivery> { ["m1"] = NoticeDelivery.Delivered, ["m2"] = NoticeDelivery.Delivered, ["m3"] = NoticeDelivery.Delivered }, default);

        Assert.Equal(AcknowledgeStatus.Recorded, await h.Notices.AcknowledgeAsync(B, id, "m2", "act-1", default));
        Assert.Equal(AcknowledgeStatus.AlreadyAcknowledged, await h.Notices.AcknowledgeAsync(B, id, "m2", "act-2", default));
        Assert.Equal(AcknowledgeStatus.NotAddressed, await h.Notices.AcknowledgeAsync(B, id, "sec", null, default));
        Assert.Equal(AcknowledgeStatus.NotFound, await h.Notices.AcknowledgeAsync(B, id + 100, "m2", null, default));
        Assert.Equal(AcknowledgeStatus.NotFound, await h.Notices.AcknowledgeAsync("other", id, "m2", null, default));

        var notice = (await h.Notices.LatestAsync(B, 1, default))!;
        Assert.Equal(["李四"], notice.AcknowledgedBy.Select(a => a.Name));
        Assert.Equal(["张三", "赵敏"], notice.NotAcknowledged.Select(a => a.Name));
        Assert.Equal(["钱七"], notice.UnboundAddressees.Select(a => a.Name));
        Assert.Equal(3, notice.Expected.Count);
    }

    [Fact]
    public async Task Pending_LatestUnacknowledgedWithinTheWindow_OlderOrAcknowledgedOrUnboundNot()
    {
        var h = await LedgerHarness.CreateAsync(store);
        var old = await h.Notices.RecordAsync(Draft(h, "old"), default);
        h.Time.Advance(TimeSpan.FromDays(8));
        var since = h.Time.GetUtcNow() - TimeSpan.FromDays(7);
        Assert.Null(await h.Notices.PendingAsync(B, "m1", since, default));

        var first = await h.Notices.RecordAsync(Draft(h, "first"), default);
        h.Time.Advance(TimeSpan.FromHours(1));
        var second = await h.Notices.RecordAsync(Draft(h, "second"), default);

        Assert.True(old < first);
        Assert.Equal(second, await h.Notices.PendingAsync(B, "m1", since, default));
        await h.Notices.AcknowledgeAsync(B, second, "m1", null, default);
        Assert.Equal(first, await h.Notices.PendingAsync(B, "m1", since, default));
        Assert.Null(await h.Notices.PendingAsync(B, "m4", since, default));
        Assert.Null(await h.Notices.PendingAsync("other", "m1", since, default));
    }

    [Fact]
    public async Task List_ByYearNewestFirst_LatestByPosition()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.Notices.RecordAsync(Draft(h, "a", "第一条"), default);
        h.Time.Advance(TimeSpan.FromDays(30));
        await h.Notices.RecordAsync(Draft(h, "b", "第二条"), default);

        Assert.Equal(["第一条"], (await h.Notices.ListAsync(B, 2026, TimeZoneInfo.Utc, default)).Select(n => n.Text));
        Assert.Equal(["第二条"], (await h.Notices.ListAsync(B, 2027, TimeZoneInfo.Utc, default)).Select(n => n.Text));
        Assert.Equal("第二条", (await h.Notices.LatestAsync(B, 1, default))!.Text);
        Assert.Equal("第一条", (await h.Notices.LatestAsync(B, 2, default))!.Text);
        Assert.Null(await h.Notices.LatestAsync(B, 3, default));
    }
}

/// <summary>Notices on SQLite.</summary>
public sealed class NoticeServiceOnSqliteTests(SqliteStore store) : NoticeServiceTests(store), IClassFixture<SqliteStore>;

/// <summary>Notices on PostgreSQL.</summary>
public sealed class NoticeServiceOnPostgresTests(PostgresStore store) : NoticeServiceTests(store), IClassFixture<PostgresStore>;
