using PartyAffairs.Delivery.Queues;
using StackExchange.Redis;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>Every Redis key the scheduler writes; docs/scheduler.md lists the same keys.</summary>
public static class ReminderKeys
{
    /// <summary>The delivery queue's name: the work queue's keys (<see cref="WorkQueueKeys"/>) start with it.</summary>
    public const string QueueName = "pa:rem";

    /// <summary>List of delivery items waiting (LPUSH in, LMOVE out from the right).</summary>
    public static readonly RedisKey Queue = WorkQueueKeys.Queue(QueueName, partitioned: false, 0);

    /// <summary>Sorted set of items waiting for quiet hours to end (score = unix ms).</summary>
    public static readonly RedisKey Delayed = WorkQueueKeys.Delayed(QueueName);

    /// <summary>Hash of live instances: field = instance id, value = lease expiry (unix ms).</summary>
    public static readonly RedisKey Workers = WorkQueueKeys.Workers(QueueName);

    /// <summary>List of the items an instance is working on.</summary>
    public static RedisKey Processing(string instanceId) => WorkQueueKeys.Processing(QueueName, instanceId);

    /// <summary>Lock taken while an instance's leftovers are recovered.</summary>
    public static RedisKey Recovery(string instanceId) => WorkQueueKeys.Recovery(QueueName, instanceId);

    /// <summary>Hash of one occurrence: <c>m</c> = message record JSON, <c>q</c> = 1 once every item is queued (or “dropped”).</summary>
    public static RedisKey Occurrence(string occurrenceId) => $"pa:rem:occ:{occurrenceId}";

    /// <summary>The idempotency key of one reminder to one member: claimed → sending → sent / failed / skipped / dropped.</summary>
    public static RedisKey Reminder(string occurrenceId, string memberId) => $"pa:rem:key:{occurrenceId}:{memberId}";

    /// <summary>Unix ms up to which a branch's group has been planned and fanned out.</summary>
    public static RedisKey Scanned(string branchId, string group) => $"pa:rem:scan:{branchId}:{group}";

    /// <summary>
    /// Sorted set of the permits reminders took on a channel (or one member's conversation of it) under
    /// <see cref="ReminderOptions.RateLimits"/>: member = a unique permit id, score = unix ms it was taken; shared by every
    /// instance through the shared rate limiter.
    /// </summary>
    public static RedisKey RateLimit(string channelId, string? conversationId = null) =>
        conversationId is null ? $"pa:rem:rate:{channelId}" : $"pa:rem:rate:{channelId}:{conversationId}";

    /// <summary>A branch's reminder settings (JSON).</summary>
    public static RedisKey Settings(string branchId) => $"pa:branch:{branchId}:reminders";
}
