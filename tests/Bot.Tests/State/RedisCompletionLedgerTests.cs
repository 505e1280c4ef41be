using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Tests.Completion;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.State;

/// <summary>The Redis ledger's contract (<see cref="CompletionLedgerContract"/>) and its pipelined reads, against both stores.</summary>
public abstract class RedisCompletionLedgerTests(IConnectionMultiplexer connection) : CompletionLedgerContract
{
    private readonly RedisCompletionLedger _ledger = new(connection);

    protected override ICompletionLedger Ledger => _ledger;

    [Fact]
    public async Task GetManyAsync_MixedKeys_ReturnsRecordsInOrderWithNullsForMissing()
    {
        await _ledger.RecordAsync(Record("m1"), CancellationToken.None);
        await _ledger.RecordAsync(Record("m1", duty: "主题党日"), CancellationToken.None);

        var records = await _ledger.GetManyAsync([(Branch, "m1", "党费", "2026-11"), (Branch, "m1", "党课", "2026-11"), (Branch, "m1", "主题党日", "2026-11")], CancellationToken.None);

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
