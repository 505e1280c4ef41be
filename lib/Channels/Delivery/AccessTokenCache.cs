namespace PartyAffairs.Channels.Delivery;

/// <summary>
/// Keeps one platform access token until shortly before it expires; concurrent callers share a single fetch.
/// </summary>
internal sealed class AccessTokenCache(Func<CancellationToken, Task<AccessToken>> fetch, TimeProvider time) : IDisposable
{
    /// <summary>Renew this long before the platform's expiry, so a token never dies mid-request.</summary>
    public static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private volatile Entry? _current;

    /// <summary>A valid token, fetched when none is cached or the cached one is about to expire.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } cached && time.GetUtcNow() < cached.RenewAt)
        {
            return cached.Value;
        }

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && time.GetUtcNow() < again.RenewAt)
            {
                return again.Value;
            }

            var token = await fetch(cancellationToken);
            var margin = token.ExpiresIn > RenewalMargin * 2 ? RenewalMargin : token.ExpiresIn / 10;
            _current = new Entry(token.Value, time.GetUtcNow() + token.ExpiresIn - margin);
            return token.Value;
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <summary>Drops <paramref name="token"/> after the platform rejected it (expired early, secret rotated).</summary>
    public void Invalidate(string token)
    {
        var current = _current;
        if (current is not null && string.Equals(current.Value, token, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    public void Dispose() => _fetching.Dispose();

    private sealed record Entry(string Value, DateTimeOffset RenewAt);
}
