using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PartyAffairs.Delivery.Pacing;
using PartyAffairs.Delivery.Queues;
using PartyAffairs.Delivery.Retry;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Settings;
using StackExchange.Redis;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// Delivers queued reminders, as the handler of the delivery queue's worker: respect quiet hours (park the item), claim its
/// idempotency key (SET NX), skip it when the member (or branch) has confirmed, wait for the channel's reminder cap if one
/// is set (every attempt takes a permit), move the key to “sending” only while this instance still holds the claim, send
/// through the one retry layer (<see cref="DeliveryRetry"/>: the sender makes single attempts), record the outcome. One
/// dispatcher per process; several processes may share one Redis.
/// </summary>
public sealed class ReminderDispatcher : IDisposable
{
    private readonly ReminderDeliveryStore _store;
    private readonly IReminderSender _sender;
    private readonly ICompletionLedger _ledger;
    private readonly IBranchSettingsStore _settingsStore;
    private readonly SharedRateLimiter _limiter;
    private readonly DeliveryRetry _retry;
    private readonly ReminderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ReminderDispatcher> _logger;
    private readonly IReminderWording? _wording;
    private readonly ConcurrentDictionary<string, OccurrenceRecord?> _occurrences = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (BranchReminderSettings Settings, DateTimeOffset Until)> _settings = new(StringComparer.Ordinal);
    private WorkQueueWorker? _worker;

    /// <summary>A dispatcher over the store's delivery queue.</summary>
    public ReminderDispatcher(
        ReminderDeliveryStore store,
        IReminderSender sender,
        ICompletionLedger ledger,
        IBranchSettingsStore settingsStore,
        SharedRateLimiter limiter,
        DeliveryRetry retry,
        ReminderOptions options,
        TimeProvider time,
        ILogger<ReminderDispatcher> logger,
        IReminderWording? wording = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _sender = sender;
        _ledger = ledger;
        _settingsStore = settingsStore;
        _limiter = limiter;
        _retry = retry;
        _options = options;
        _time = time;
        _logger = logger;
        _wording = wording;
    }

    /// <summary>This process's id in Redis (leases, processing list, claims).</summary>
    public string InstanceId => _store.Queue.InstanceId;

    /// <summary>
    /// The delivery queue's worker in this process (its loops run in <c>ReminderDeliveryService</c>); made on first use,
    /// with the options as they are then.
    /// </summary>
    public WorkQueueWorker Worker => LazyInitializer.EnsureInitialized(ref _worker, () => new WorkQueueWorker(
        _store.Queue,
        HandleAsync,
        new WorkerOptions
        {
            Parallelism = _options.Parallelism,
            PollInterval = _options.PollInterval,
            Recovery = _store.RecoverItemAsync,
            Recovered = Recovered,
        },
        _time,
        _logger));

    /// <summary>Renews the lease, moves due parked items back, and recovers stopped instances' in-flight items.</summary>
    public Task MaintainAsync(CancellationToken cancellationToken) => Worker.MaintainAsync(cancellationToken);

    /// <summary>
    /// Delivers until the queue is empty, <see cref="ReminderOptions.Parallelism"/> at a time, after handing back items a
    /// failed earlier drain left in this instance's processing list (same rules as recovering a dead instance).
    /// </summary>
    public Task DrainAsync(CancellationToken cancellationToken) => Worker.DrainAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _worker?.Dispose();

    private void Recovered(RecoveryReport report)
    {
        var instances = string.Join(", ", report.Instances);
        if (report.Returned + report.Interrupted > 0)
        {
            ReminderLog.Recovered(_logger, instances, report.Returned, report.Interrupted);
        }
        else
        {
            // A stopped instance that left nothing behind is routine, not a warning.
            ReminderLog.RecoveredNothing(_logger, instances);
        }
    }

    private async Task<WorkResult> HandleAsync(RedisValue value, CancellationToken cancellationToken)
    {
        if (DeliveryItem.Parse(value.ToString()) is not { } item || await OccurrenceAsync(item.OccurrenceId) is not { } occurrence)
        {
            return WorkResult.Completed;
        }

        var key = ReminderKeys.Reminder(item.OccurrenceId, item.MemberId);
        var now = _time.GetUtcNow();
        if (now >= occurrence.UsefulUntil)
        {
            if (await _store.SetStateAsync(key, ReminderState.Dropped, "expired", claimedFirst: false))
            {
                ReminderMetrics.Skipped(item.ChannelId, "expired");
                ReminderLog.DroppedExpired(_logger, key.ToString());
            }

            return WorkResult.Completed;
        }

        var settings = await SettingsAsync(occurrence.BranchId, cancellationToken);
        var zone = settings.Zone();
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        if (settings.QuietHours.Contains(TimeOnly.FromDateTime(local)))
        {
            var next = settings.QuietHours.NextAllowed(local);
            return WorkResult.Delay(new DateTimeOffset(next, zone.GetUtcOffset(next)));
        }

        if (!await _store.ClaimAsync(key, InstanceId))
        {
            return WorkResult.Completed;
        }

        var message = occurrence.Message;
        IReadOnlyList<string> carried = [occurrence.Id];
        if (occurrence.Lines.Count > 0)
        {
            // A digest: lines confirmed since fan-out are dropped; one whose lines are all confirmed is not sent.
            var pending = new List<DigestLine>();
            foreach (var line in occurrence.Lines)
            {
                if (!await LineConfirmedAsync(occurrence.BranchId, line, cancellationToken))
                {
                    pending.Add(line);
                }
            }

            carried = [.. pending.Select(l => l.OccurrenceId)];
            message = _wording is null
                ? (pending.Count == 0 ? null : occurrence.Message)
                : ReminderDigests.AtSend(occurrence, pending, _wording);
        }

        if (message is null || await ConfirmedAsync(occurrence, item.MemberId, cancellationToken))
        {
            await _store.SetStateAsync(key, ReminderState.Skipped, "confirmed", claimedFirst: true);
            ReminderMetrics.Skipped(item.ChannelId, "confirmed");
            return WorkResult.Completed;
        }

        // The first permit is taken before the key says “sending”: a wait for the channel's cap leaves the reminder merely
        // claimed, so a stop during that wait hands it back to the queue instead of recording it as failed.
        var cap = (_options.RateLimits.GetValueOrDefault(item.ChannelId) ?? _options.DefaultRateLimit)?.Budget(item.ChannelId, item.MemberId);
        if (cap is not null)
        {
            await _limiter.WaitAsync(cap, cancellationToken);
        }

        if (!await _store.StartSendingAsync(key, InstanceId))
        {
            ReminderLog.ClaimLost(_logger, key.ToString());
            return WorkResult.Completed;
        }

        var delivery = new ReminderDelivery
        {
            BranchId = occurrence.BranchId,
            MemberId = item.MemberId,
            ChannelId = item.ChannelId,
            IdempotencyKey = key.ToString(),
            Message = message,
            Occurrences = carried,
        };

        var outcome = await SendAsync(delivery, cap, cancellationToken);
        if (outcome.Status == SendStatus.Sent)
        {
            await _store.SetStateAsync(key, ReminderState.Sent, _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), claimedFirst: true);
            ReminderMetrics.Sent(item.ChannelId);
        }
        else
        {
            ReminderLog.SendFailed(_logger, key.ToString(), outcome.Error);
            await _store.SetStateAsync(key, ReminderState.Failed, outcome.Error ?? outcome.Status.ToString(), claimedFirst: true);
            ReminderMetrics.Failed(item.ChannelId);
        }

        return WorkResult.Completed;
    }

    /// <summary>The one retry loop of a reminder: every attempt is one request to the channel (the sender never retries).</summary>
    private Task<SendOutcome> SendAsync(ReminderDelivery delivery, RateBudget? cap, CancellationToken cancellationToken) => _retry.RunAsync(
        async (attempt, ct) =>
        {
            if (attempt > 1 && cap is not null)
            {
                // A retry is another request to the channel: it needs its own permit.
                await _limiter.WaitAsync(cap, ct);
            }

            try
            {
                return await _sender.SendAsync(delivery, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new SendOutcome(SendStatus.Transient, null, e.GetType().Name);
            }
        },
        outcome => outcome.Status == SendStatus.Transient ? RetryVerdict.Transient(outcome.RetryAfter) : RetryVerdict.Stop,
        async (attempt, outcome, delay) =>
        {
            if (outcome.RetryAfter is not null && cap is not null)
            {
                // The channel said when it will accept again: every instance holds its reminders to it until then.
                await _limiter.PauseAsync(cap, delay);
            }

            ReminderLog.Retrying(_logger, delivery.IdempotencyKey, attempt, delay);
        },
        cancellationToken);

    private async Task<bool> ConfirmedAsync(OccurrenceRecord occurrence, string memberId, CancellationToken cancellationToken)
    {
        var subject = occurrence.StopSubject switch
        {
            null => null,
            OccurrenceRecord.RecipientSubject => memberId,
            var other => other,
        };
        if (subject is null)
        {
            return false;
        }

        foreach (var kind in occurrence.Kinds)
        {
            if (await _ledger.GetAsync(occurrence.BranchId, subject, kind, occurrence.PeriodKey, cancellationToken) is null)
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> LineConfirmedAsync(string branchId, DigestLine line, CancellationToken cancellationToken)
    {
        var stops = ReminderDigests.Stops(line).ToArray();
        foreach (var (subject, kind, periodKey) in stops)
        {
            if (await _ledger.GetAsync(branchId, subject, kind, periodKey, cancellationToken) is null)
            {
                return false;
            }
        }

        return stops.Length > 0;
    }

    private async Task<OccurrenceRecord?> OccurrenceAsync(string id)
    {
        if (_occurrences.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var record = await _store.GetOccurrenceAsync(id);
        if (_occurrences.Count > 1000)
        {
            _occurrences.Clear();
        }

        _occurrences[id] = record;
        return record;
    }

    private async Task<BranchReminderSettings> SettingsAsync(string branchId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_settings.TryGetValue(branchId, out var cached) && cached.Until > now)
        {
            return cached.Settings;
        }

        var settings = await _settingsStore.GetAsync(branchId, cancellationToken) ?? new BranchReminderSettings();
        _settings[branchId] = (settings, now + TimeSpan.FromSeconds(30));
        return settings;
    }
}
