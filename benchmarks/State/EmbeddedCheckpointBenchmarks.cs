using BenchmarkDotNet.Attributes;
using PartyAffairs.Bot.State;
using StackExchange.Redis;

namespace PartyAffairs.Benchmarks.State;

/// <summary>
/// The embedded store's durability work: a checkpoint with its verified copy and manifest (SAVE, SHA-256 while copying,
/// pruning to three copies), and a restart that verifies the checkpoint before Garnet loads it. A branch's state is a few
/// keys per member; <see cref="Keys"/> stands for a large office (thousands of members with their conversation and
/// completion keys).
/// </summary>
[MinIterationCount(5)]
[MaxIterationCount(20)]
public class EmbeddedCheckpointBenchmarks
{
    private string _dir = string.Empty;
    private EmbeddedGarnetServer? _server;
    private ConnectionMultiplexer? _connection;

    [Params(6_000, 60_000)]
    public int Keys { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _dir = Path.Combine(Path.GetTempPath(), "pa-bench-checkpoint-" + Guid.NewGuid().ToString("N"));
        _server = EmbeddedGarnetServer.Start(_dir);
        _connection = await StoreConnection.ConnectAsync(_server.EndPoint + ",allowAdmin=true", timeoutMilliseconds: 10_000);
        var db = _connection.GetDatabase();
        for (var batch = 0; batch < Keys; batch += 1_000)
        {
            await Task.WhenAll(Enumerable.Range(batch, Math.Min(1_000, Keys - batch)).Select(i =>
                db.HashSetAsync($"pa:bench:member:{i}", [new HashEntry("name", $"党员{i}"), new HashEntry("role", "党员"), new HashEntry("branch", "b1")])));
        }

        await _server.CheckpointAsync(_connection);
    }

    /// <summary>SAVE, then the verified copy with its manifest, then pruning: what the host does every <c>Storage:CheckpointMinutes</c> and at stop.</summary>
    [Benchmark]
    public Task<CheckpointManifest?> Checkpoint() => _server!.CheckpointAsync(_connection!);

    /// <summary>A restart over the folder: the checkpoint checked against its manifest, Garnet's recovery (checkpoint and AOF tail), the key count checked.</summary>
    [Benchmark]
    public async Task<int> VerifiedRestart()
    {
        await _connection!.DisposeAsync();
        _server!.Dispose();
        _server = EmbeddedGarnetServer.Start(_dir);
        _connection = await StoreConnection.ConnectAsync(_server.EndPoint + ",allowAdmin=true", timeoutMilliseconds: 10_000);
        return _server.Port;
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _server?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
