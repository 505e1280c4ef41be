using PartyAffairs.Bot.State;
using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Bot.Tests.State;

public sealed class EmbeddedGarnetServerTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "pa-garnet-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void SecondServerOnTheSameFolder_RefusedWithAClearError_AndTheFolderIsFreeAfterwards()
    {
        using (var first = EmbeddedGarnetServer.Start(_dataDir))
        {
            var error = Assert.Throws<StoreFolderInUseException>(() => EmbeddedGarnetServer.Start(_dataDir, lockWait: TimeSpan.FromMilliseconds(300)));
            Assert.Contains($"pid {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
            Assert.Contains("Storage:DataDir", error.Message, StringComparison.Ordinal);
        }

        using var again = EmbeddedGarnetServer.Start(_dataDir);
        Assert.True(again.Port > 0);
    }

    [Fact]
    public async Task SecondServer_WhileTheFirstIsStillClosing_WaitsForTheFolderAndStarts()
    {
        // A host restarting in one process (or a test factory disposing on the entry point's thread) lets go a moment later.
        var first = EmbeddedGarnetServer.Start(_dataDir);
        var release = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            first.Dispose();
        });

        using var second = EmbeddedGarnetServer.Start(_dataDir, lockWait: TimeSpan.FromSeconds(30));
        await release;
        await using var connection = await StoreConnection.ConnectAsync(second.EndPoint, timeoutMilliseconds: 5000);
        await connection.GetDatabase().StringSetAsync("pa:test:second", "1");
        Assert.Equal("1", (string?)await connection.GetDatabase().StringGetAsync("pa:test:second"));
    }

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
    public async Task Restart_AfterCheckpointAndLaterWrites_RecoversBoth()
    {
        using (var server = EmbeddedGarnetServer.Start(_dataDir))
        {
            await using var connection = await StoreConnection.ConnectAsync(server.EndPoint + ",allowAdmin=true", timeoutMilliseconds: 5000);
            var db = connection.GetDatabase();
            await db.HashSetAsync("pa:test:h", "before", "1");
            await connection.GetServer(server.EndPoint).ExecuteAsync("SAVE");
            await db.HashSetAsync("pa:test:h", "after", "2");
            await db.HashDeleteAsync("pa:test:h", "before");
        }

        using (var server = EmbeddedGarnetServer.Start(_dataDir))
        {
            await using var connection = await StoreConnection.ConnectAsync(server.EndPoint, timeoutMilliseconds: 5000);
            var fields = await connection.GetDatabase().HashGetAllAsync("pa:test:h");

            Assert.Equal("after=2", Assert.Single(fields).ToString().Replace(": ", "=", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Restart_WithoutCommitWait_StillRecoversAfterCleanStop()
    {
        using (var server = EmbeddedGarnetServer.Start(_dataDir, commitWait: false))
        {
            await using var connection = await StoreConnection.ConnectAsync(server.EndPoint, timeoutMilliseconds: 5000);
            await connection.GetDatabase().StringSetAsync("pa:test:k", "v");
        }

        using (var server = EmbeddedGarnetServer.Start(_dataDir, commitWait: false))
        {
            await using var connection = await StoreConnection.ConnectAsync(server.EndPoint, timeoutMilliseconds: 5000);
            Assert.Equal("v", (string?)await connection.GetDatabase().StringGetAsync("pa:test:k"));
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
