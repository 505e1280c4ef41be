using System.Globalization;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Tests.Delivery;
using PartyAffairs.Tests.Completion;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Scheduler.Tests.Completion;

/// <summary>
/// The scheduler's Redis ledger against the ledger contract (records once, occurrences counted once per day, in a real
/// Redis; the SQL ledger runs the same contract in Ledger.Tests), and the occurrence key of a confirmation.
/// </summary>
[Collection(RedisGroup.Name)]
public sealed class OccurrenceCountTests(RedisServerFixture redis) : CompletionLedgerContract
{
    protected override ICompletionLedger Ledger { get; } = new RedisCompletionLedger(redis.Connection);

    [Theory]
    [InlineData("2026-11-30T15:59:59Z", "2026-11-30")]
    [InlineData("2026-11-30T16:00:00Z", "2026-12-01")] // midnight in Shanghai
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")]
    public void OccurrenceKey_Instant_LocalDateOfTheBranch(string instant, string expected)
    {
        var key = ReminderResponseRecorder.OccurrenceKey(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        Assert.Equal(expected, key);
    }
}
