using System.Globalization;

namespace PartyAffairs.Delivery.Queues;

/// <summary>
/// The key layout of a work queue named <c>{name}</c> (a key prefix such as <c>pa:rem</c>). One place, so a queue's
/// owner can list its keys in its docs and its tests can look at them.
/// </summary>
public static class WorkQueueKeys
{
    /// <summary>
    /// The list of waiting items: <c>{name}:queue</c> for a queue of one list, <c>{name}:{partition}</c> for a
    /// partitioned one. Items are pushed on the left and taken from the right.
    /// </summary>
    public static RedisKey Queue(string name, bool partitioned, int partition) =>
        partitioned ? string.Create(CultureInfo.InvariantCulture, $"{name}:{partition}") : $"{name}:queue";

    /// <summary><c>{name}:processing:{instance}</c>: the items an instance has taken and not finished.</summary>
    public static RedisKey Processing(string name, string instanceId) => $"{name}:processing:{instanceId}";

    /// <summary><c>{name}:delayed</c>: items parked until an instant (sorted set, score = unix ms).</summary>
    public static RedisKey Delayed(string name) => $"{name}:delayed";

    /// <summary><c>{name}:workers</c>: instance id → lease expiry (unix ms on the instance's clock).</summary>
    public static RedisKey Workers(string name) => $"{name}:workers";

    /// <summary><c>{name}:recover:{instance}</c>: the lock (TTL 1 min) held while a dead instance's items are handed back.</summary>
    public static RedisKey Recovery(string name, string instanceId) => $"{name}:recover:{instanceId}";
}
