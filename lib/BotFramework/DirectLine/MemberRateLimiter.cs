using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>
/// A sliding-window limit per member (<see cref="DirectLineOptions.RateLimitMessages"/> messages per
/// <see cref="DirectLineOptions.RateLimitWindowSeconds"/>), on the injected <see cref="TimeProvider"/>. Direct Line answers
/// 429 over the limit; the connector endpoint answers politely instead, as its channels show no HTTP status to the user.
/// </summary>
internal sealed class MemberRateLimiter(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private const int PruneThreshold = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _members = new(StringComparer.Ordinal);
    private readonly int _limit = options.Value.RateLimitMessages;
    private readonly TimeSpan _window = TimeSpan.FromSeconds(options.Value.RateLimitWindowSeconds);

    /// <summary>Counts one message for the member; false (with how long to wait) when the member is over the limit.</summary>
    public bool TryAcquire(string memberId, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        if (_members.Count > PruneThreshold)
        {
            Prune(now);
        }

        var hits = _members.GetOrAdd(memberId, _ => new Queue<DateTimeOffset>());
        lock (hits)
        {
            while (hits.Count > 0 && now - hits.Peek() >= _window)
            {
                hits.Dequeue();
            }

            if (hits.Count >= _limit)
            {
                retryAfter = hits.Peek() + _window - now;
                return false;
            }

            hits.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (member, hits) in _members)
        {
            lock (hits)
            {
                if (hits.Count == 0 || now - hits.Last() >= _window)
                {
                    _members.TryRemove(member, out _);
                }
            }
        }
    }
}
