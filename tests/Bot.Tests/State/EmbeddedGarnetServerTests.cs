using PartyAffairs.Bot.State;
using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Bot.Tests.State;

public sealed class EmbeddedGarnetServerTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "pa-garnet-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Restart_AfterWrites_StateSurvives()
    {
        var record = new CompletionRecord
        {
            BranchId = "b1",
            MemberId = "m1",
            DutyKind = "党费",
            PeriodKey = "2026-11",
            RecordedAt = DateTimeOffset.UnixEpoch,
        };

        using (var server = EmbeddedGarnetServer.Start(_dataDir))
        {
            await using var connection = await StoreConnection.ConnectAsync(server.EndPoint, timeoutMilliseconds: 5000);
            Assert.True(await new RedisCompletionLedger(connection).RecordAsync(record, CancellationToken.None));
            await connection.GetDatabase().StringSetAsync("pa:test:plain", "值");
            await connection.GetDatabase().SetAddAsync("pa:test:set", ["a", "b"]);
        }

        using (var server = EmbeddedGarnetServer.Start(_dataDir))
        {
            await using var connection = await StoreConnection.ConnectAsync(server.EndPoint, timeoutMilliseconds: 5000);
            var db = connection.GetDatabase();

            Assert.Equal(record, await new RedisCompletionLedger(connection).GetAsync("b1", "m1", "党费", "2026-11", CancellationToken.None));
            Assert.Equal("值", (string?)await db.StringGetAsync("pa:test:plain"));
            Assert.Equal(2, await db.SetLengthAsync("pa:test:set"));
        }
    }

    [Fact]
    public void Start_NewDataDir_CreatesLogDirectoryAndListensOnLoopback()
    {
        using var server = EmbeddedGarnetServer.Start(_dataDir);

        Assert.True(Directory.Exists(Path.Combine(_dataDir, "garnet", "checkpoints")));
        Assert.Equal(Path.GetFullPath(_dataDir), server.DataDir);
        Assert.InRange(server.Port, 1, 65535);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
