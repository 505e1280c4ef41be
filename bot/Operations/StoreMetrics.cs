using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using PartyAffairs.Channels.Inbound;
using PartyAffairs.Scheduler.Delivery;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Operations;

/// <summary>
/// The store's meter (<see cref="MeterName"/>), sampled every <see cref="MetricsOptions.SampleInterval"/> in the
/// background (a scrape never waits for Redis): <c>partyaffairs.store.latency</c>, the round-trip time of a PING, and
/// <c>partyaffairs.queue.length</c> by queue — <c>channel_inbox</c> (platform turns acknowledged and not yet taken),
/// <c>reminders</c> (reminders due to be sent) and <c>reminders_delayed</c> (parked for quiet hours or a retry).
/// </summary>
internal sealed class StoreMetrics : BackgroundService
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "PartyAffairs.Store";

    private static readonly double[] LatencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    // One meter per process, as the other areas' (an exporter listens by meter name, so per-host meters would report
    // each other's instruments when several hosts share a process, as in tests); the gauge reads the running sampler.
    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Latency = Meter.CreateHistogram(
        "partyaffairs.store.latency", "s", "Round-trip time of a PING to the store, sampled.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
    private static StoreMetrics? _running;

    private readonly IConnectionMultiplexer _connection;
    private readonly ChannelInbox? _inbox;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger<StoreMetrics> _logger;

    static StoreMetrics() =>
        Meter.CreateObservableGauge("partyaffairs.queue.length", () => Volatile.Read(ref _running)?.Measurements() ?? [], "{item}", "Items waiting in a queue in the store, sampled.");

    public StoreMetrics(IConnectionMultiplexer connection, IServiceProvider services, IOptions<MetricsOptions> options, TimeProvider time, ILogger<StoreMetrics> logger)
    {
        _connection = connection;
        _inbox = services.GetService<ChannelInbox>();
        _interval = options.Value.SampleInterval;
        _time = time;
        _logger = logger;
    }

    /// <summary>The queue lengths of the last sample; null before the first or after a failed one (unknown is not zero).</summary>
    public QueueLengths? Lengths { get; private set; }

    /// <summary>Samples once now: the store's round trip and the queue lengths; false when the store did not answer.</summary>
    public async Task<bool> SampleAsync()
    {
        try
        {
            var db = _connection.GetDatabase();
            var started = Stopwatch.GetTimestamp();
            await db.PingAsync();
            Latency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);

            var partitions = _inbox is null ? [] : Enumerable.Range(0, _inbox.Partitions).Select(p => db.ListLengthAsync(ChannelInbox.QueueKey(p))).ToArray();
            var reminders = db.ListLengthAsync(ReminderKeys.Queue);
            var delayed = db.SortedSetLengthAsync(ReminderKeys.Delayed);
            var inbox = (await Task.WhenAll(partitions)).Sum();
            Lengths = new QueueLengths(inbox, await reminders, await delayed);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The gauges report nothing until the store answers again (healthz reports the outage).
            Lengths = null;
            OperationsLog.SampleFailed(_logger, e);
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Volatile.Write(ref _running, this);
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            do
            {
                await SampleAsync();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            Interlocked.CompareExchange(ref _running, null, this);
        }
    }

    private IEnumerable<Measurement<long>> Measurements()
    {
        if (Lengths is not { } lengths)
        {
            return [];
        }

        return
        [
            new Measurement<long>(lengths.ChannelInbox, new KeyValuePair<string, object?>("queue", "channel_inbox")),
            new Measurement<long>(lengths.Reminders, new KeyValuePair<string, object?>("queue", "reminders")),
            new Measurement<long>(lengths.RemindersDelayed, new KeyValuePair<string, object?>("queue", "reminders_delayed")),
        ];
    }

    /// <summary>Items waiting in each queue.</summary>
    public sealed record QueueLengths(long ChannelInbox, long Reminders, long RemindersDelayed);
}
