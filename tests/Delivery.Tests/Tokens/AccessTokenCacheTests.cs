using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Delivery.Tokens;

namespace PartyAffairs.Delivery.Tests.Tokens;

public sealed class AccessTokenCacheTests
{
    private readonly FakeTimeProvider _clock = new();
    private int _fetches;

    [Fact]
    public async Task GetAsync_ConcurrentCallers_ShareOneFetch()
    {
        using var cache = new AccessTokenCache(SlowFetchAsync, _clock);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => cache.GetAsync(CancellationToken.None)));

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task GetAsync_NearExpiry_FetchesAgainFiveMinutesBefore()
    {
        using var cache = new AccessTokenCache(FetchAsync, _clock);
        Assert.Equal("token-1", await cache.GetAsync(CancellationToken.None));

        _clock.Advance(TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal("token-1", await cache.GetAsync(CancellationToken.None));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await cache.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Invalidate_CurrentToken_NextCallFetches()
    {
        using var cache = new AccessTokenCache(FetchAsync, _clock);
        var first = await cache.GetAsync(CancellationToken.None);

        cache.Invalidate("some-older-token");
        Assert.Equal(first, await cache.GetAsync(CancellationToken.None));

        cache.Invalidate(first);
        Assert.Equal("token-2", await cache.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_FetchFails_NothingCachedAndErrorSurfaces()
    {
        using var cache = new AccessTokenCache(_ => throw new InvalidOperationException("down"), _clock);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(CancellationToken.None));
    }

    private Task<AccessToken> FetchAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new AccessToken($"token-{Interlocked.Increment(ref _fetches)}", TimeSpan.FromSeconds(7200)));

    private async Task<AccessToken> SlowFetchAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(50, cancellationToken);
        return await FetchAsync(cancellationToken);
    }
}
