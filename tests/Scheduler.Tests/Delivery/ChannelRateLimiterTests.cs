using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Scheduler.Tests.Delivery;

public sealed class ChannelRateLimiterTests
{
    [Fact]
    public async Task WaitAsync_GroupRobotLimit_TwentyFirstWaitsForTheWindow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.Zero));
        var limiter = new ChannelRateLimiter(new ReminderOptions(), time);
        for (var i = 0; i < 20; i++)
        {
            await limiter.WaitAsync("dingtalk", default);
        }

        var twentyFirst = limiter.WaitAsync("dingtalk", default);
        var otherChannel = limiter.WaitAsync("wecom", default);

        Assert.True(otherChannel.IsCompletedSuccessfully);
        Assert.False(twentyFirst.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(twentyFirst.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await twentyFirst.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WaitAsync_TeamsLimit_SevenPerSecond()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.Zero));
        var limiter = new ChannelRateLimiter(new ReminderOptions(), time);
        for (var i = 0; i < 7; i++)
        {
            await limiter.WaitAsync("msteams", default);
        }

        var eighth = limiter.WaitAsync("msteams", default);
        Assert.False(eighth.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await eighth.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
