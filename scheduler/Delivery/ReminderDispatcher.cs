using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// Delivers queued reminders: take an item, respect quiet hours, claim its idempotency key (SET NX), skip it when the
/// member (or branch) has confirmed, wait for the channel's shared rate limit (every attempt takes a permit), move the key
/// to “sending” only while this instance still holds the claim, send with retry and backoff, record the outcome.
/// One dispatcher per process; several processes may share one Redis.
/// </summary>
public sealed class ReminderDispatcher(
    ReminderDeliveryStore queue,
    IReminderSender sender,
    ICompletionLedger ledger,
    IBranchSettingsStore settingsStore,
    ChannelRateLimiter limiter,
    ReminderOptions options,
    TimeProvider time,
    ILogger<ReminderDispatcher> logger)
{
    private readonly ConcurrentDictionary<string, OccurrenceRecord?> _occurrences = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (BranchReminderSettings Settings, DateTimeOffset Until)> _settings = new(StringComparer.Ordinal);

    /// <summary>This process's id in Redis (leases, processing list).</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Renews the lease, moves due parked items back, and recovers stopped instances' in-flight items.</summary>
    public async Task MaintainAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        await queue.HeartbeatAsync(InstanceId, now);
        await queue.PromoteDueAsync(now);
        var (returned, interrupted, instances) = await queue.RecoverAsync(InstanceId, now);
        foreach (var instance in instances)
        {
            // A stopped instance that left nothing behind is routine, not a warning.
            if (returned + interrupted > 0)
            {
                ReminderLog.Recovered(logger, instance, returned, interrupted);
            }
            else
            {
                ReminderLog.RecoveredNothing(logger, instance);
            }
        }
    }

    /// <summary>
    /// Delivers until the queue is empty, <see cref="ReminderOptions.Parallelism"/> at a time. Not to be called again
    /// before the previous call ended: it starts by handing back items a failed earlier drain left in flight.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        await queue.HeartbeatAsync(InstanceId, time.GetUtcNow());
        await queue.RequeueOwnAsync(InstanceId);
        var loops = Enumerable.Range(0, options.Parallelism).Select(async _ =>
        {
            while (await ProcessNextAsync(cancellationToken))
            {
            }
        });
        await Task.WhenAll(loops);
    }

    /// <summary>Takes and handles one item; false when the queue was empty.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await queue.TakeAsync(InstanceId);
        if (value is null)
        {
            return false;
        }

        await HandleAsync(value, cancellationToken);
        return true;
    }

    /// <summary>Stops cleanly: gives up the lease (nothing is in flight once the loops have ended).</summary>
    public Task LeaveAsync() => queue.LeaveAsync(InstanceId);

    private async Task HandleAsync(string value, CancellationToken cancellationToken)
    {
        if (DeliveryItem.Parse(value) is not { } item || await OccurrenceAsync(item.OccurrenceId) is not { } occurrence)
        {
            await queue.DoneAsync(InstanceId, value);
            return;
        }

        var key = ReminderKeys.Reminder(item.OccurrenceId, item.MemberId);
        var now = time.GetUtcNow();
        if (now >= occurrence.UsefulUntil)
        {
            if (await queue.SetStateAsync(key, ReminderState.Dropped, "expired", claimedFirst: false))
            {
                ReminderMetrics.Skipped(item.ChannelId, "expired");
                ReminderLog.DroppedExpired(logger, key.ToString());
            }

            await queue.DoneAsync(InstanceId, value);
            return;
        }

        var settings = await SettingsAsync(occurrence.BranchId, cancellationToken);
        var zone = settings.Zone();
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        if (settings.QuietHours.Contains(TimeOnly.FromDateTime(local)))
        {
            var next = settings.QuietHours.NextAllowed(local);
            await queue.DelayAsync(InstanceId, value, new DateTimeOffset(next, zone.GetUtcOffset(next)));
            return;
        }

        if (!await queue.ClaimAsync(key, InstanceId))
        {
            await queue.DoneAsync(InstanceId, value);
            return;
        }

        if (await ConfirmedAsync(occurrence, item.MemberId, cancellationToken))
        {
            await queue.SetStateAsync(key, ReminderState.Skipped, "confirmed", claimedFirst: true);
            ReminderMetrics.Skipped(item.ChannelId, "confirmed");
            await queue.DoneAsync(InstanceId, value);
            return;
        }

        // The first permit is taken before the key says “sending”: a wait for the channel's window leaves the reminder
        // merely claimed, so a stop during that wait hands it back to the queue instead of recording it as failed.
        await limiter.WaitAsync(item.ChannelId, item.MemberId, cancellationToken);
        if (!await queue.StartSendingAsync(key, InstanceId))
        {
            ReminderLog.ClaimLost(logger, key.ToString());
            await queue.DoneAsync(InstanceId, value);
            return;
        }

        var delivery = new ReminderDelivery
        {
            BranchId = occurrence.BranchId,
            MemberId = item.MemberId,
            ChannelId = item.ChannelId,
            IdempotencyKey = key.ToString(),
            Message = occurrence.Message,
        };

        var outcome = await SendWithRetryAsync(delivery, cancellationToken);
        if (outcome.Status == SendStatus.Sent)
        {
            await queue.SetStateAsync(key, ReminderState.Sent, time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), claimedFirst: true);
            ReminderMetrics.Sent(item.ChannelId);
        }
        else
        {
            ReminderLog.SendFailed(logger, key.ToString(), outcome.Error);
            await queue.SetStateAsync(key, ReminderState.Failed, outcome.Error ?? outcome.Status.ToString(), claimedFirst: true);
            ReminderMetrics.Failed(item.ChannelId);
        }

        await queue.DoneAsync(InstanceId, value);
    }

    private async Task<SendOutcome> SendWithRetryAsync(ReminderDelivery delivery, CancellationToken cancellationToken)
    {
        var outcome = SendOutcome.Sent;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                // A retry is another request to the channel: it needs its own permit.
                await limiter.WaitAsync(delivery.ChannelId, delivery.MemberId, cancellationToken);
            }

            try
            {
                outcome = await sender.SendAsync(delivery, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcome = new SendOutcome(SendStatus.Transient, null, e.GetType().Name);
            }

            if (outcome.Status != SendStatus.Transient || attempt == options.MaxAttempts)
            {
                return outcome;
            }

            var backoff = options.RetryBackoff * Math.Pow(2, attempt - 1);
            var delay = outcome.RetryAfter ?? backoff;
            delay = delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
            if (outcome.RetryAfter is not null)
            {
                // The channel said when it will accept again: every instance holds its sends to it until then.
                await limiter.PauseAsync(delivery.ChannelId, delivery.MemberId, delay);
            }

            ReminderLog.Retrying(logger, delivery.IdempotencyKey, attempt, delay);
            await Task.Delay(delay, time, cancellationToken);
        }

        return outcome;
    }

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
            if (await ledger.GetAsync(occurrence.BranchId, subject, kind, occurrence.PeriodKey, cancellationToken) is null)
            {
                return false;
            }
        }

        return true;
    }

    private async Task<OccurrenceRecord?> OccurrenceAsync(string id)
    {
        if (_occurrences.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var record = await queue.GetOccurrenceAsync(id);
        if (_occurrences.Count > 1000)
        {
            _occurrences.Clear();
        }

        _occurrences[id] = record;
        return record;
    }

    private async Task<BranchReminderSettings> SettingsAsync(string branchId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_settings.TryGetValue(branchId, out var cached) && cached.Until > now)
        {
            return cached.Settings;
        }

        var settings = await settingsStore.GetAsync(branchId, cancellationToken) ?? new BranchReminderSettings();
        _settings[branchId] = (settings, now + TimeSpan.FromSeconds(30));
        return settings;
    }
}
