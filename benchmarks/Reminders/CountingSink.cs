using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Benchmarks.Reminders;

/// <summary>The loopback sink: accepts every reminder and counts it.</summary>
internal sealed class CountingSink : IReminderSender
{
    private int _count;

    public int Count => _count;

    public Task<SendOutcome> SendAsync(ReminderDelivery delivery, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return Task.FromResult(SendOutcome.Sent);
    }
}
