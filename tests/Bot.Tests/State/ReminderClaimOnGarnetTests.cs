using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Bot.Tests.State;

/// <summary>
/// The reminder claim guard on the embedded Garnet (WATCH/MULTI on the exact value): the same behaviour as on
/// redis-server. The shared rate limiter and the work queue run on Garnet in tests/Delivery.Tests.
/// </summary>
public sealed class ReminderClaimOnGarnetTests(GarnetServerFixture garnet) : IClassFixture<GarnetServerFixture>
{
    [Fact]
    public async Task StartSendingAsync_ClaimHeldByAnotherInstance_RefusedOnGarnet()
    {
        var store = new ReminderDeliveryStore(garnet.Connection, new ReminderOptions());
        var key = ReminderKeys.Reminder("g" + Guid.NewGuid().ToString("N")[..8] + ":党费:2026-12:dues", "m1");

        Assert.True(await store.ClaimAsync(key, "a"));
        Assert.False(await store.StartSendingAsync(key, "b"));
        Assert.True(await store.StartSendingAsync(key, "a"));
        Assert.Equal("sending|a", await store.GetStateAsync(key));
    }
}
