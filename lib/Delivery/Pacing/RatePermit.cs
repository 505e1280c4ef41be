namespace PartyAffairs.Delivery.Pacing;

/// <summary>
/// Permits taken for one request that is still on its way: they count as "now or later" until the request has finished,
/// then from the instant it finished. Dispose when the request finished, whatever its outcome.
/// </summary>
public sealed class RatePermit : IDisposable
{
    private readonly Action<RatePermit>? _finish;
    private int _finished;

    internal RatePermit(IReadOnlyList<(RateBudget Budget, RedisValue Member)> taken, Action<RatePermit>? finish)
    {
        Taken = taken;
        _finish = finish;
    }

    /// <summary>A permit of nothing (no budget applied).</summary>
    public static RatePermit None { get; } = new([], null);

    internal IReadOnlyList<(RateBudget Budget, RedisValue Member)> Taken { get; }

    /// <summary>Counts the request from now on (the instant it finished).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _finished, 1) == 0)
        {
            _finish?.Invoke(this);
        }
    }
}
