using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PartyAffairs.Bot.State;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.State;

/// <summary>
/// The embedded store over a damaged data folder (real Garnet, temporary folders): a damaged checkpoint is set aside and
/// an intact kept copy recovered, the append-only file alone rebuilds the store when it is complete, and otherwise the
/// start is refused with the recovery steps (or begins empty when told to). Never an access violation, never empty by surprise.
/// </summary>
public sealed class EmbeddedStoreRecoveryTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "pa-garnet-recovery-" + Guid.NewGuid().ToString("N"));
    private readonly RecordedLog _log = new();

    private string Live => Path.Combine(_dataDir, "garnet", "checkpoints", "Store", "checkpoints");

    private string KeptDir => Path.Combine(_dataDir, "garnet", "kept");

    private string QuarantineDir => Path.Combine(_dataDir, "garnet", "quarantine");

    [Theory]
    [InlineData("cpr-checkpoints", "snapshot.dat", Damage.Overwrite)]
    [InlineData("cpr-checkpoints", "snapshot.dat", Damage.Truncate)]
    [InlineData("cpr-checkpoints", "snapshot.obj.dat", Damage.Overwrite)]
    [InlineData("index-checkpoints", "ht.dat", Damage.Overwrite)]
    [InlineData("cpr-checkpoints", "info.dat", Damage.Overwrite)]
    public async Task Start_LatestCheckpointDamaged_RecoversItsKeptCopyAndTheAofTail_AndQuarantinesTheDamagedFiles(string folder, string file, Damage damage)
    {
        await WriteAsync(async (server, connection, db) =>
        {
            await db.StringSetAsync("pa:test:a", "1");
            await db.HashSetAsync("pa:test:h", "f", "1");
            await server.CheckpointAsync(connection);
            await db.StringSetAsync("pa:test:tail", "t");
        });
        var damaged = DamageFile(Live, folder, file, damage);

        using (var server = Start())
        {
            await using var connection = await ConnectAsync(server);
            var db = connection.GetDatabase();
            Assert.Equal("1", (string?)await db.StringGetAsync("pa:test:a"));
            Assert.Equal("1", (string?)await db.HashGetAsync("pa:test:h", "f"));
            Assert.Equal("t", (string?)await db.StringGetAsync("pa:test:tail"));
        }

        // The damaged file is kept, as found, in a dated quarantine folder with a note of why.
        var quarantine = Assert.Single(Directory.GetDirectories(QuarantineDir));
        var moved = Path.Combine(quarantine, "Store-checkpoints", Path.GetRelativePath(Live, damaged));
        Assert.True(File.Exists(moved), $"{moved} was not quarantined");
        Assert.Contains(Path.GetFileName(damaged), await File.ReadAllTextAsync(Path.Combine(quarantine, "README.txt")), StringComparison.Ordinal);
        var warning = Assert.Single(_log.At(LogLevel.Warning), e => e.EventId == 1108);
        Assert.Contains(quarantine, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Entries, e => e.EventId == 1109);
    }

    [Fact]
    public async Task Start_AfterRestartsWithAndWithoutCheckpoints_IntactFolder_LoadsWithoutWarningsOrQuarantine()
    {
        await WriteAsync(async (server, connection, db) =>
        {
            await db.StringSetAsync("pa:test:a", "1");
            await server.CheckpointAsync(connection);
        });
        // The first checkpoint after a restart is a full one (a new index beside the recovered one)...
        await WriteAsync(async (server, connection, db) =>
        {
            await db.StringSetAsync("pa:test:b", "2");
            await server.CheckpointAsync(connection);
        });
        // ...and a recovery purges the index it did not use, so the folder has fewer files than the manifest lists.
        await WriteAsync(async (_, _, db) => await db.StringSetAsync("pa:test:c", "3"));

        using (var server = Start())
        {
            await using var connection = await ConnectAsync(server);
            var db = connection.GetDatabase();
            Assert.Equal("1", (string?)await db.StringGetAsync("pa:test:a"));
            Assert.Equal("2", (string?)await db.StringGetAsync("pa:test:b"));
            Assert.Equal("3", (string?)await db.StringGetAsync("pa:test:c"));
        }

        Assert.DoesNotContain(_log.Entries, e => e.Category.StartsWith("PartyAffairs", StringComparison.Ordinal) && e.Level >= LogLevel.Warning);
        Assert.False(Directory.Exists(QuarantineDir));
    }

    [Fact]
    public async Task Start_CheckpointFolderMissing_RestoresTheNewestKeptCopy_AsARestoreFromBackupDoes()
    {
        await WriteAsync(async (server, connection, db) =>
        {
            await db.StringSetAsync("pa:test:a", "1");
            await server.CheckpointAsync(connection);
            await db.ListLeftPushAsync("pa:test:l", ["x", "y"]);
            await server.CheckpointAsync(connection);
            await db.StringSetAsync("pa:test:tail", "t");
        });
        // A data folder restored from a backup of garnet/kept/ and the append-only file only.
        Directory.Delete(Live, recursive: true);

        using (var server = Start())
        {
            await using var connection = await ConnectAsync(server);
            var db = connection.GetDatabase();
            Assert.Equal("1", (string?)await db.StringGetAsync("pa:test:a"));
            Assert.Equal(2, await db.ListLengthAsync("pa:test:l"));
            Assert.Equal("t", (string?)await db.StringGetAsync("pa:test:tail"));
        }

        Assert.Contains("missing", Assert.Single(_log.At(LogLevel.Warning), e => e.EventId == 1108).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Entries, e => e.EventId == 1109);
        Assert.Equal(2, Kept().Count);
        Assert.False(Directory.Exists(QuarantineDir), "nothing was damaged, so nothing is set aside");
    }

    [Fact]
    public async Task Start_LatestCheckpointAndItsCopyDamaged_RecoversThePreviousCheckpointAndTheAofTail_AndLogsTheLostWindow()
    {
        await WriteAsync(async (server, connection, db) =>
        {
            await db.StringSetAsync("pa:test:first", "1");
            await server.CheckpointAsync(connection);
            await db.StringSetAsync("pa:test:between", "2");
            await server.CheckpointAsync(connection);
            await db.StringSetAsync("pa:test:tail", "3");
            await db.HashSetAsync("pa:test:h", "tail", "3");
        });
        var newest = Kept()[0];
        DamageFile(Live, "cpr-checkpoints", "snapshot.dat", Damage.Truncate);
        DamageFile(newest.Directory, "index-checkpoints", "ht.dat", Damage.Overwrite);

        using (var server = Start())
        {
            await using var connection = await ConnectAsync(server);
            var db = connection.GetDatabase();
            Assert.Equal("1", (string?)await db.StringGetAsync("pa:test:first"));
            Assert.Equal("3", (string?)await db.StringGetAsync("pa:test:tail"));
            Assert.Equal("3", (string?)await db.HashGetAsync("pa:test:h", "tail"));
            // Garnet truncated the append-only file at the damaged checkpoint: what was written between the two is gone, and said so.
            Assert.False(await db.KeyExistsAsync("pa:test:between"));
        }

        var quarantine = Assert.Single(Directory.GetDirectories(QuarantineDir));
        Assert.True(Directory.Exists(Path.Combine(quarantine, "Store-checkpoints")));
        Assert.True(Directory.Exists(Path.Combine(quarantine, "kept", Path.GetFileName(newest.Directory))));
        Assert.Equal([1L], Kept().Select(k => k.Manifest!.Sequence));
        Assert.Single(_log.At(LogLevel.Warning), e => e.EventId == 1108);
        Assert.Contains("lost", Assert.Single(_log.At(LogLevel.Error), e => e.EventId == 1109).Message, StringComparison.Ordinal);

        // The recovered store is the folder's state from now on: a plain restart loads it again, verified.
        using (var server = Start())
        {
            await using var connection = await ConnectAsync(server);
            Assert.Equal("3", (string?)await connection.GetDatabase().StringGetAsync("pa:test:tail"));
            Assert.Equal(3, (await server.CheckpointAsync(connection))!.Sequence);
        }

        Assert.Single(Directory.GetDirectories(QuarantineDir));
    }

    [Fact]
    public async Task Start_AllCheckpointsDamagedAndAofTruncated_RefusesWithTheRecoverySteps_AndChangesNothing()
    {
        await WriteThreeKeysOverTwoCheckpointsAsync();
        DamageEverything();
        var before = Snapshot();

        var error = Assert.Throws<StoreRecoveryRefusedException>(() => Start());

        Assert.Contains(_dataDir, error.Message, StringComparison.Ordinal);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
        Assert.Contains("records 2 keys", error.Message, StringComparison.Ordinal);
        Assert.Contains("restore a backup", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:AllowEmptyStart=true", error.Message, StringComparison.Ordinal);
        Assert.Contains(QuarantineDir, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
        Assert.False(Directory.Exists(QuarantineDir));

        // The same answer on every start (the folder's lock was let go): a clear refusal, never a crash or an empty store.
        var again = Assert.Throws<StoreRecoveryRefusedException>(() => Start());
        Assert.Equal(error.Message, again.Message);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Start_AllCheckpointsDamaged_AllowEmptyStart_StartsEmptyAndSetsEverythingAside()
    {
        await WriteThreeKeysOverTwoCheckpointsAsync();
        DamageEverything();

        using (var server = Start(allowEmptyStart: true))
        {
            await using var connection = await ConnectAsync(server);
            Assert.Equal(0, await connection.GetServer(server.EndPoint).DatabaseSizeAsync());
            await connection.GetDatabase().StringSetAsync("pa:test:new", "n");
        }

        var quarantine = Assert.Single(Directory.GetDirectories(QuarantineDir));
        Assert.True(Directory.Exists(Path.Combine(quarantine, "Store-checkpoints")));
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(quarantine, "kept")).Length);
        Assert.True(Directory.Exists(Path.Combine(quarantine, "AOF")));
        Assert.Contains("AllowEmptyStart", Assert.Single(_log.At(LogLevel.Warning), e => e.EventId == 1111).Message, StringComparison.Ordinal);

        // From then on an ordinary folder: the new write survives a restart without the setting.
        using (var server = Start())
        {
            await using var connection = await ConnectAsync(server);
            Assert.Equal("n", (string?)await connection.GetDatabase().StringGetAsync("pa:test:new"));
        }
    }

    [Fact]
    public async Task Start_AllCheckpointsDamaged_AofCompleteFromStart_RebuildsTheStoreFromIt()
    {
        await WriteAsync(async (server, connection, db) =>
        {
            // A checkpoint of the empty store covers nothing: the append-only file keeps every write from the start.
            await server.CheckpointAsync(connection);
            await db.StringSetAsync("pa:test:a", "1");
            await db.SetAddAsync("pa:test:s", ["x", "y"]);
        });
        DamageFile(Live, "index-checkpoints", "ht.dat", Damage.Overwrite);
        DamageFile(Kept()[0].Directory, "cpr-checkpoints", "info.dat", Damage.Truncate);

        using (var server = Start())
        {
            await using var connection = await ConnectAsync(server);
            Assert.Equal("1", (string?)await connection.GetDatabase().StringGetAsync("pa:test:a"));
            Assert.Equal(2, await connection.GetDatabase().SetLengthAsync("pa:test:s"));
        }

        Assert.Single(_log.At(LogLevel.Warning), e => e.EventId == 1110);
        Assert.Empty(Kept());
    }

    [Fact]
    public async Task Start_VerifiedCheckpointRecoversNoKeysWhereItsManifestRecordsSome_Refuses_UnlessEmptyStartAllowed()
    {
        await WriteAsync(async (server, connection, _) => await server.CheckpointAsync(connection));
        // The files match their hashes, but the manifest says the store held keys: what Garnet loads must not be empty.
        var manifestPath = Path.Combine(Kept()[0].Directory, CheckpointArchive.ManifestFileName);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!;
        manifest["keys"] = 5;
        manifest["persistentKeys"] = 5;
        await File.WriteAllTextAsync(manifestPath, manifest.ToJsonString());

        var error = Assert.Throws<StoreRecoveryRefusedException>(() => Start());
        Assert.Contains("records 5 keys without expiry, yet the store recovered 0 keys", error.Message, StringComparison.Ordinal);

        using (Start(allowEmptyStart: true))
        {
            Assert.Single(_log.At(LogLevel.Warning), e => e.EventId == 1112);
        }
    }

    [Fact]
    public async Task Start_CheckpointedKeysAllHadExpiriesThatPassed_StartsEmptyWithoutRefusal()
    {
        await WriteAsync(async (server, connection, db) =>
        {
            // Only short-lived keys (throttle windows, seen activities): gone by the next start, which is no loss.
            await db.StringSetAsync("pa:test:short", "1", TimeSpan.FromMilliseconds(300));
            var manifest = await server.CheckpointAsync(connection);
            Assert.Equal(1, manifest!.Keys);
            Assert.Equal(0, manifest.PersistentKeys);
        });
        await Task.Delay(TimeSpan.FromSeconds(1));

        using var server = Start();
        await using var connection = await ConnectAsync(server);
        Assert.Equal(0, await connection.GetServer(server.EndPoint).DatabaseSizeAsync());
        Assert.DoesNotContain(_log.Entries, e => e.Category.StartsWith("PartyAffairs", StringComparison.Ordinal) && e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Checkpoint_TakenKeepPlusTwoTimes_KeepsExactlyTheNewestKeep_EachVerified()
    {
        const int Keep = 3;
        using (var server = Start(keep: Keep))
        {
            await using var connection = await ConnectAsync(server);
            await connection.GetDatabase().StringSetAsync("pa:test:expiring", "x", TimeSpan.FromHours(1));
            for (var i = 1; i <= Keep + 2; i++)
            {
                await connection.GetDatabase().StringSetAsync($"pa:test:k{i}", i);
                var manifest = await server.CheckpointAsync(connection);
                Assert.Equal(i, manifest!.Sequence);
                Assert.Equal(i + 1, manifest.Keys);
                Assert.Equal(i, manifest.PersistentKeys);
            }
        }

        var kept = Kept();
        Assert.Equal([5L, 4L, 3L], kept.Select(k => k.Manifest!.Sequence));
        Assert.All(kept, k => Assert.Null(CheckpointArchive.Verify(k.Manifest!.Files, k.Directory)));
        Assert.All(kept, k => Assert.Contains(k.Manifest!.Files, f => f.Path.StartsWith("cpr-checkpoints/", StringComparison.Ordinal)));
        // The newest copy is what Garnet would load.
        Assert.Null(CheckpointArchive.Verify(kept[0].Manifest!.Files, Live));
        Assert.Equal(kept[0].Manifest!.Files.Select(f => f.Path), CheckpointArchive.ListFiles(Live));
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

    public enum Damage
    {
        Overwrite,
        Truncate,
    }

    private EmbeddedGarnetServer Start(bool allowEmptyStart = false, int keep = 3) =>
        EmbeddedGarnetServer.Start(_dataDir, loggerFactory: _log, keepCheckpoints: keep, allowEmptyStart: allowEmptyStart);

    private static async Task<ConnectionMultiplexer> ConnectAsync(EmbeddedGarnetServer server) =>
        await StoreConnection.ConnectAsync(server.EndPoint + ",allowAdmin=true", timeoutMilliseconds: 5000);

    private async Task WriteAsync(Func<EmbeddedGarnetServer, ConnectionMultiplexer, IDatabase, Task> write)
    {
        using var server = Start();
        await using var connection = await ConnectAsync(server);
        await write(server, connection, connection.GetDatabase());
    }

    private Task WriteThreeKeysOverTwoCheckpointsAsync() => WriteAsync(async (server, connection, db) =>
    {
        await db.StringSetAsync("pa:test:a", "1");
        await server.CheckpointAsync(connection);
        await db.StringSetAsync("pa:test:b", "2");
        await server.CheckpointAsync(connection);
        await db.StringSetAsync("pa:test:c", "3");
    });

    private void DamageEverything()
    {
        DamageFile(Live, "cpr-checkpoints", "info.dat", Damage.Truncate);
        var kept = Kept();
        DamageFile(kept[0].Directory, "cpr-checkpoints", "snapshot.dat", Damage.Overwrite);
        File.WriteAllText(Path.Combine(kept[1].Directory, CheckpointArchive.ManifestFileName), "{ not json");
    }

    private IReadOnlyList<KeptCheckpoint> Kept() => new CheckpointArchive(new EmbeddedStoreLayout(_dataDir)).List();

    /// <summary>Damages the one file named <paramref name="name"/>* under <paramref name="folder"/> of a checkpoint root; returns its path.</summary>
    private static string DamageFile(string root, string folder, string name, Damage damage)
    {
        var path = Directory.EnumerateFiles(Path.Combine(root, folder), name + ".*", SearchOption.AllDirectories).Single();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        Assert.True(stream.Length > 0, $"{path} is empty");
        if (damage == Damage.Truncate)
        {
            stream.SetLength(stream.Length / 2);
        }
        else
        {
            // Bytes a disk or a careless copy might leave: the same size, different content.
            var garbage = new byte[(int)Math.Min(stream.Length, 4096)];
            RandomNumberGenerator.Fill(garbage);
            stream.Write(garbage);
        }

        return path;
    }

    /// <summary>Every file of the data folder's store with its hash (to show a refused start changed nothing).</summary>
    private string Snapshot()
    {
        var garnet = Path.Combine(_dataDir, "garnet");
        var files = Directory.EnumerateFiles(garnet, "*", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith("store.owner", StringComparison.Ordinal) && !p.EndsWith("store.lock", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => $"{Path.GetRelativePath(garnet, p)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p)))}");
        return JsonSerializer.Serialize(files);
    }
}
