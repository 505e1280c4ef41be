using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace PartyAffairs.Bot.Channels.Inbound;

/// <summary>
/// Runs accepted platform messages after the HTTP callback was acknowledged: a bounded queue split into partitions by
/// sender, so one member's messages run in order while different members run in parallel. On shutdown the queue stops
/// accepting, and what was accepted is finished before the host stops (within its shutdown timeout).
/// </summary>
public sealed class ChannelInbox : IHostedService, IDisposable
{
    private readonly Channel<Func<CancellationToken, Task>>[] _partitions;
    private readonly ILogger<ChannelInbox> _logger;
    private readonly CancellationTokenSource _abort = new();
    private Task[] _workers = [];

    public ChannelInbox(IOptions<ChannelQueueOptions> options, ILogger<ChannelInbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _logger = logger;
        var capacity = Math.Max(1, settings.Capacity / settings.Partitions);
        _partitions = Enumerable.Range(0, settings.Partitions)
            .Select(_ => Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = true,
            }))
            .ToArray();
    }

    /// <summary>Queues work for a sender; false when the queue is full or stopping (answer 503 so the platform retries).</summary>
    public bool TryEnqueue(string senderKey, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(senderKey);
        ArgumentNullException.ThrowIfNull(work);
        var partition = (int)((uint)StringComparer.Ordinal.GetHashCode(senderKey) % (uint)_partitions.Length);
        return _partitions[partition].Writer.TryWrite(work);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _workers = _partitions.Select(p => Task.Run(() => DrainAsync(p.Reader), CancellationToken.None)).ToArray();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var partition in _partitions)
        {
            partition.Writer.TryComplete();
        }

        try
        {
            await Task.WhenAll(_workers).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            ChannelLog.QueueAbandoned(_logger, _partitions.Sum(p => p.Reader.Count));
            await _abort.CancelAsync();
        }
    }

    public void Dispose() => _abort.Dispose();

    private async Task DrainAsync(ChannelReader<Func<CancellationToken, Task>> reader)
    {
        await foreach (var work in reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await work(_abort.Token);
            }
            catch (Exception e)
            {
                // The work item reports its own failures; this only keeps the worker alive.
                ChannelLog.TurnFailed(_logger, e.GetType().Name);
            }
        }
    }
}
