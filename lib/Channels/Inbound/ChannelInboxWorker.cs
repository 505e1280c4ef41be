using Microsoft.Extensions.Options;
using PartyAffairs.Delivery.Queues;
using StackExchange.Redis;

namespace PartyAffairs.Channels.Inbound;

/// <summary>
/// Runs the turns waiting in the <see cref="ChannelInbox"/> with the inbox queue's <see cref="WorkQueueWorker"/>: one loop
/// per partition (a sender's turns in order, different senders in parallel), the instance's lease, and recovery of the
/// turns of instances whose lease ran out. On shutdown it stops taking turns, lets running ones finish for
/// <see cref="ChannelQueueOptions.ShutdownGrace"/>, then cancels them and puts its unfinished turns back at the head of
/// their partitions, so the next instance runs them before the same senders' later messages.
/// </summary>
internal sealed class ChannelInboxWorker : IHostedService, IDisposable
{
    private readonly Dictionary<string, IInboundTurnProcessor> _processors;
    private readonly ILogger<ChannelInboxWorker> _logger;
    private readonly WorkQueueWorker _worker;

    public ChannelInboxWorker(
        ChannelInbox inbox,
        IEnumerable<IInboundTurnProcessor> processors,
        IOptions<ChannelQueueOptions> options,
        TimeProvider time,
        ILogger<ChannelInboxWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(options);
        _processors = processors.ToDictionary(p => p.ChannelId, StringComparer.Ordinal);
        _logger = logger;
        var settings = options.Value;
        _worker = new WorkQueueWorker(
            inbox.Queue,
            RunAsync,
            new WorkerOptions
            {
                PollInterval = settings.PollInterval,
                ShutdownGrace = settings.ShutdownGrace,
                Recovered = report => ChannelLog.TurnsRecovered(logger, report.Returned),
            },
            time,
            logger);
    }

    /// <summary>This process's id in the lease hash and the processing list's key.</summary>
    public string InstanceId => _worker.Queue.InstanceId;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _worker.Start();
        return Task.CompletedTask;
    }

    // The test host (and some hosts) call StopAsync twice at once; both wait for the one stop.
    public Task StopAsync(CancellationToken cancellationToken) => _worker.StopAsync(cancellationToken);

    public void Dispose() => _worker.Dispose();

    /// <summary>Runs one turn; the processor reports its own failures to the member, so any other failure only completes it.</summary>
    private async Task<WorkResult> RunAsync(RedisValue item, CancellationToken cancellationToken)
    {
        if (InboundTurn.TryParse(item.ToString()) is not { } turn || !_processors.TryGetValue(turn.ChannelId, out var processor))
        {
            ChannelLog.TurnFailed(_logger, "unreadable inbox item");
            return WorkResult.Completed;
        }

        try
        {
            await processor.RunAsync(turn, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // cut short by shutdown: the turn goes back to the head of its partition
        }
        catch (Exception e)
        {
            ChannelLog.TurnFailed(_logger, e.GetType().Name);
        }

        return WorkResult.Completed;
    }
}
