using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.State;

/// <summary>The completion ledger's behaviour, run against both stores by the derived classes.</summary>
public abstract class RedisCompletionLedgerTests(IConnectionMultiplexer connection)
{
    private readonly RedisCompletionLedger _ledger = new(connection);
    private readonly string _branch = "b" + Guid.NewGuid().ToString("N")[..8];

    private CompletionRecord Record(string member, string duty = "党费", string period = "2026-11", CompletionStatus status = CompletionStatus.Done) => new()
    {
        BranchId = _branch,
        MemberId = member,
        DutyKind = duty,
        PeriodKey = period,
        Status = status,
        RecordedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)),
        SourceActivityId = "act-" + member,
    };

    [Fact]
    public async Task RecordAsync_FirstTime_StoresRecordAndReturnsTrue()
    {
        Assert.True(await _ledger.RecordAsync(Record("m1"), CancellationToken.None));

        var stored = await _ledger.GetAsync(_branch, "m1", "党费", "2026-11", CancellationToken.None);

        Assert.Equal(Record("m1"), stored);
    }

    [Fact]
    public async Task RecordAsync_SameMemberDutyAndPeriodTwice_RecordsOnceAndKeepsFirst()
    {
        Assert.True(await _ledger.RecordAsync(Record("m1"), CancellationToken.None));

        var second = await _ledger.RecordAsync(Record("m1") with { SourceActivityId = "other", Status = CompletionStatus.Leave }, CancellationToken.None);

        Assert.False(second);
        var stored = await _ledger.GetAsync(_branch, "m1", "党费", "2026-11", CancellationToken.None);
        Assert.Equal("act-m1", stored!.SourceActivityId);
        Assert.Equal(CompletionStatus.Done, stored.Status);
    }

    [Fact]
    public async Task RecordAsync_ParallelDuplicates_ExactlyOneSucceeds()
    {
        var attempts = Enumerable.Range(0, 32).Select(i => _ledger.RecordAsync(Record("m1") with { SourceActivityId = $"a{i}" }, CancellationToken.None));

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r);
        Assert.Single(await _ledger.GetForDutyAsync(_branch, "党费", "2026-11", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_OtherPeriodOrDuty_IsSeparate()
    {
        await _ledger.RecordAsync(Record("m1"), CancellationToken.None);

        Assert.True(await _ledger.RecordAsync(Record("m1", period: "2026-12"), CancellationToken.None));
        Assert.True(await _ledger.RecordAsync(Record("m1", duty: "主题党日"), CancellationToken.None));
        Assert.Null(await _ledger.GetAsync(_branch, "m1", "党课", "2026-11", CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_Existing_RemovesAndAllowsRecordingAgain()
    {
        await _ledger.RecordAsync(Record("m1"), CancellationToken.None);

        Assert.True(await _ledger.RemoveAsync(_branch, "m1", "党费", "2026-11", CancellationToken.None));
        Assert.False(await _ledger.RemoveAsync(_branch, "m1", "党费", "2026-11", CancellationToken.None));
        Assert.Null(await _ledger.GetAsync(_branch, "m1", "党费", "2026-11", CancellationToken.None));
        Assert.True(await _ledger.RecordAsync(Record("m1"), CancellationToken.None));
    }

    [Fact]
    public async Task GetForDutyAsync_SeveralMembers_ReturnsEachByMemberId()
    {
        await _ledger.RecordAsync(Record("m1"), CancellationToken.None);
        await _ledger.RecordAsync(Record("m2", status: CompletionStatus.Leave), CancellationToken.None);
        await _ledger.RecordAsync(Record("m3", period: "2026-10"), CancellationToken.None);

        var records = await _ledger.GetForDutyAsync(_branch, "党费", "2026-11", CancellationToken.None);

        Assert.Equal(["m1", "m2"], records.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(CompletionStatus.Leave, records["m2"].Status);
    }

    [Fact]
    public async Task GetForDutyAsync_NothingRecorded_ReturnsEmpty()
    {
        Assert.Empty(await _ledger.GetForDutyAsync(_branch, "党费", "2026-11", CancellationToken.None));
    }

    [Fact]
    public async Task GetManyAsync_MixedKeys_ReturnsRecordsInOrderWithNullsForMissing()
    {
        await _ledger.RecordAsync(Record("m1"), CancellationToken.None);
        await _ledger.RecordAsync(Record("m1", duty: "主题党日"), CancellationToken.None);

        var records = await _ledger.GetManyAsync([(_branch, "m1", "党费", "2026-11"), (_branch, "m1", "党课", "2026-11"), (_branch, "m1", "主题党日", "2026-11")], CancellationToken.None);

        Assert.Equal("党费", records[0]!.DutyKind);
        Assert.Null(records[1]);
        Assert.Equal("主题党日", records[2]!.DutyKind);
    }
}

/// <summary>The ledger against a real redis-server.</summary>
public sealed class RedisCompletionLedgerOnRedisTests(RedisServerFixture fixture)
    : RedisCompletionLedgerTests(fixture.Connection), IClassFixture<RedisServerFixture>;

/// <summary>The ledger against the embedded Garnet.</summary>
public sealed class RedisCompletionLedgerOnGarnetTests(GarnetServerFixture fixture)
    : RedisCompletionLedgerTests(fixture.Connection), IClassFixture<GarnetServerFixture>;
