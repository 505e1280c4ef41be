using System.Collections.Concurrent;
using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Scheduler.Tests.Jobs;

/// <summary>The loopback sender of one host: records each delivery with the instant (on the injected clock) it was sent.</summary>
internal sealed class RecordingSender(TimeProvider time) : IReminderSender
{
    public ConcurrentQueue<(ReminderDelivery Delivery, DateTimeOffset At)> Sent { get; } = new();

    public Task<SendOutcome> SendAsync(ReminderDelivery delivery, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Sent.Enqueue((delivery, time.GetUtcNow()));
        return Task.FromResult(SendOutcome.Sent);
    }

    /// <summary>The deliveries whose idempotency key contains <paramref name="fragment"/>.</summary>
    public IReadOnlyList<ReminderDelivery> OfKind(string fragment) =>
        Sent.Select(s => s.Delivery).Where(d => (d.IdempotencyKey.Contains(fragment, StringComparison.Ordinal) || d.Occurrences.Any(o => (o + ":").Contains(fragment, StringComparison.Ordinal)))).ToArray();
}
