namespace PartyAffairs.Delivery.Tokens;

/// <summary>
/// Keeps one access token (a platform's app token, the Bot Framework bot token) until shortly before it expires;
/// concurrent callers share a single fetch, and a token the remote side rejected is dropped so the next call fetches anew.
/// </summary>
public sealed class AccessTokenCache : IDisposable
{
    /// <summary>Renew this long before the expiry, so a token never dies mid-request (a tenth of the lifetime for tokens of 10 minutes or less).</summary>
    public static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(5);

    private readonly Func<CancellationToken, Task<AccessToken>> _fetch;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private volatile Entry? _current;

    /// <summary>A cache that calls <paramref name="fetch"/> when it holds no usable token.</summary>
    public AccessTokenCache(Func<CancellationToken, Task<AccessToken>> fetch, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(time);
        _fetch = fetch;
        _time = time;
    }

    /// <summary>A valid token, fetched when none is cached or the cached one is about to expire.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } cached && _time.GetUtcNow() < cached.RenewAt)
        {
            return cached.Value;
        }

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && _time.GetUtcNow() < again.RenewAt)
            {
                return again.Value;
            }

            var token = await _fetch(cancellationToken);
            var margin = token.ExpiresIn > RenewalMargin * 2 ? RenewalMargin : token.ExpiresIn / 10;
            _current = new Entry(token.Value, _time.GetUtcNow() + token.ExpiresIn - margin);
            return token.Value;
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <summary>Drops <paramref name="token"/> after the remote side rejected it (expired early, secret rotated); a newer token is kept.</summary>
    public void Invalidate(string token)
    {
        var current = _current;
        if (current is not null && string.Equals(current.Value, token, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _fetching.Dispose();

    private sealed record Entry(string Value, DateTimeOffset RenewAt);
}
