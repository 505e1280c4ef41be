using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using PartyAffairs.Benchmarks.State;
using PartyAffairs.Channels.Inbound;

namespace PartyAffairs.Benchmarks.Channels;

/// <summary>
/// The store work of one DingTalk/WeCom callback in the Redis inbox: accepting it (de-duplication and LPUSH in one
/// transaction) before the 200, then taking and finishing it on a worker. Run:
/// <c>dotnet run -c Release --project benchmarks -- --filter '*InboxBenchmarks*' --job short --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
public class InboxBenchmarks
{
    private BenchmarkStore _store = null!;
    private ChannelInbox _inbox = null!;
    private JsonElement _payload;
    private int _next;

    [Params("garnet", "redis")]
    public string Store { get; set; } = "garnet";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _store = await BenchmarkStore.StartAsync(Store);
        _inbox = new ChannelInbox(_store.Connection, Options.Create(new ChannelQueueOptions { Partitions = 1, Capacity = 1_000_000 }));
        _payload = JsonSerializer.SerializeToElement(new { ToUserName = "wwcorp", FromUserName = "zhangsan", MsgType = "text", Content = "本月党费什么时候交？", MsgId = "7890123456789" });
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _store.DisposeAsync();

    /// <summary>What a callback waits for before its 200: EXISTS, LLEN, then WATCH/MULTI SET NX EX + LPUSH/EXEC.</summary>
    [Benchmark]
    public Task<InboxAcceptance> Accept() => _inbox.AcceptAsync(Turn(), CancellationToken.None);

    /// <summary>A repeat of an accepted message id (a platform retry): one EXISTS.</summary>
    [Benchmark]
    public Task<InboxAcceptance> AcceptRepeat() => _inbox.AcceptAsync(Turn("repeat"), CancellationToken.None);

    /// <summary>Accept, then a worker's LMOVE into its processing list and the LREM when the turn is done.</summary>
    [Benchmark]
    public async Task AcceptTakeDone()
    {
        await _inbox.AcceptAsync(Turn(), CancellationToken.None);
        var item = await _inbox.Queue.TakeAsync(0) ?? throw new InvalidOperationException("nothing taken");
        await _inbox.Queue.CompleteAsync(item);
    }

    private InboundTurn Turn(string? id = null) => new()
    {
        ChannelId = "wecom",
        MessageId = id ?? Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture),
        SenderId = "zhangsan",
        Payload = _payload,
        AcceptedAt = DateTimeOffset.UnixEpoch,
    };
}
