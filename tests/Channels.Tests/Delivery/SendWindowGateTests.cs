using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Channels.Delivery;

namespace PartyAffairs.Channels.Tests.Delivery;

public sealed class SendWindowGateTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task EnterAsync_LimitReached_WaitsUntilTheOldestSendLeavesTheWindow()
    {
        using var gate = new SendWindowGate(_clock, new SendRule(2, TimeSpan.FromMinutes(1)));
        (await gate.EnterAsync(CancellationToken.None)).Dispose();
        _clock.Advance(TimeSpan.FromSeconds(10));
        (await gate.EnterAsync(CancellationToken.None)).Dispose();

        var third = gate.EnterAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(49));
        await Task.Delay(20);
        Assert.False(third.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(1));
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task EnterAsync_AllSlotsInFlight_WaitsForAFinishThenAWholeWindow()
    {
        using var gate = new SendWindowGate(_clock, new SendRule(1, TimeSpan.FromSeconds(1)));
        var first = await gate.EnterAsync(CancellationToken.None);

        var second = gate.EnterAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(20);
        Assert.False(second.IsCompleted);

        // The window counts from when the first send finished, however long it took.
        first.Dispose();
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(20);
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task EnterAsync_TwoRules_TheStricterOneHolds()
    {
        using var gate = new SendWindowGate(_clock, new SendRule(3, TimeSpan.FromSeconds(1)), new SendRule(4, TimeSpan.FromMinutes(1)));
        for (var i = 0; i < 3; i++)
        {
            (await gate.EnterAsync(CancellationToken.None)).Dispose();
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        (await gate.EnterAsync(CancellationToken.None)).Dispose();

        var fifth = gate.EnterAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await Task.Delay(20);
        Assert.False(fifth.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(30));
        (await fifth.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task PauseUntil_BlocksEvenWithFreeSlots()
    {
        using var gate = new SendWindowGate(_clock, new SendRule(20, TimeSpan.FromMinutes(1)));
        gate.PauseUntil(_clock.GetUtcNow().AddMinutes(10));

        var entry = gate.EnterAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(9));
        await Task.Delay(20);
        Assert.False(entry.IsCompleted);
        _clock.Advance(TimeSpan.FromMinutes(1));
        (await entry.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task EnterAsync_Waiters_AdmittedInArrivalOrder()
    {
        using var gate = new SendWindowGate(_clock, new SendRule(1, TimeSpan.FromSeconds(1)));
        var first = await gate.EnterAsync(CancellationToken.None);
        var order = new List<int>();
        var waiters = Enumerable.Range(1, 6).Select(i => gate.EnterAsync(CancellationToken.None).ContinueWith(
            t =>
            {
                lock (order)
                {
                    order.Add(i);
                }

                t.Result.Dispose();
            },
            TaskScheduler.Default)).ToArray();
        first.Dispose();

        for (var step = 0; step < 50 && order.Count < 6; step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(10);
        }

        await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([1, 2, 3, 4, 5, 6], order);
    }

    [Fact]
    public async Task EnterAsync_Cancelled_ThrowsAndFreesTheQueue()
    {
        using var gate = new SendWindowGate(_clock, new SendRule(1, TimeSpan.FromMinutes(1)));
        (await gate.EnterAsync(CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        _clock.Advance(TimeSpan.FromMinutes(1));
        (await gate.EnterAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
