using PartyAffairs.Delivery.Retry;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Delivery.Tests.Retry;

/// <summary>The one retry layer on a stepped clock: how many attempts, how long between them, what stops it.</summary>
public sealed class DeliveryRetryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly SteppedClock _clock = new(Start);

    private DeliveryRetry Retry(int attempts = 4) =>
        new(new RetryOptions { MaxAttempts = attempts, Backoff = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromMinutes(2) }, _clock);

    /// <summary>Runs the retry to its end, moving the clock to each wait's end; returns the instants of the attempts.</summary>
    private async Task<(T Result, List<DateTimeOffset> Attempts)> RunAsync<T>(DeliveryRetry retry, Func<int, T> outcome, Func<T, RetryVerdict> verdict)
    {
        var attempts = new List<DateTimeOffset>();
        var run = retry.RunAsync(
            (n, _) =>
            {
                lock (attempts)
                {
                    attempts.Add(_clock.GetUtcNow());
                }

                return Task.FromResult(outcome(n));
            },
            verdict,
            null,
            CancellationToken.None);
        while (!run.IsCompleted)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (_clock.Parked == 0 && !run.IsCompleted)
            {
                Assert.True(DateTime.UtcNow < deadline, "the retry neither waited nor finished");
                await Task.Delay(2);
            }

            _clock.AdvanceToNextDue();
        }

        return (await run, attempts);
    }

    [Fact]
    public async Task Run_AlwaysTransient_MaxAttemptsWithDoublingBackoffThenTheLastOutcome()
    {
        var (result, attempts) = await RunAsync(Retry(), n => n, _ => RetryVerdict.Transient());

        Assert.Equal(4, result);
        Assert.Equal([Start, Start.AddSeconds(2), Start.AddSeconds(6), Start.AddSeconds(14)], attempts);
    }

    [Fact]
    public async Task Run_RetryAfterGiven_WaitsExactlyThatCappedAtMaxDelay()
    {
        var (_, attempts) = await RunAsync(Retry(3), n => n, n => RetryVerdict.Transient(n == 1 ? TimeSpan.FromSeconds(30) : TimeSpan.FromMinutes(11)));

        Assert.Equal([Start, Start.AddSeconds(30), Start.AddSeconds(30).AddMinutes(2)], attempts);
    }

    [Fact]
    public async Task Run_FinalOutcome_NoFurtherAttempt()
    {
        var (result, attempts) = await RunAsync(Retry(), n => n, n => n < 2 ? RetryVerdict.Transient() : RetryVerdict.Stop);

        Assert.Equal(2, result);
        Assert.Equal(2, attempts.Count);
    }

    [Fact]
    public async Task Once_Transient_SingleAttempt()
    {
        var calls = 0;
        var result = await DeliveryRetry.Once.RunAsync((_, _) => Task.FromResult(++calls), _ => RetryVerdict.Transient(), null, CancellationToken.None);

        Assert.Equal(1, result);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task RunThrowing_TransientThenFinal_RethrowsTheFinalAndStops()
    {
        var calls = 0;
        var retry = Retry();
        var run = retry.RunAsync(_ => ++calls == 1 ? throw new TestFailure(transient: true, TimeSpan.Zero) : throw new TestFailure(transient: false, null), CancellationToken.None);

        var error = await Assert.ThrowsAsync<TestFailure>(() => run);

        Assert.False(error.IsTransient);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task RunThrowing_OtherException_NotRetried()
    {
        var calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Retry().RunAsync(_ =>
        {
            calls++;
            throw new InvalidOperationException("bug");
        }, CancellationToken.None));

        Assert.Equal(1, calls);
    }

    [Fact]
    public void Options_Invalid_Refused()
    {
        Assert.Throws<ArgumentException>(() => new DeliveryRetry(new RetryOptions { MaxAttempts = 0 }, _clock));
        Assert.Throws<ArgumentException>(() => new DeliveryRetry(new RetryOptions { Backoff = TimeSpan.FromMinutes(5), MaxDelay = TimeSpan.FromMinutes(1) }, _clock));
    }

    private sealed class TestFailure(bool transient, TimeSpan? retryAfter) : Exception("refused"), IRetryableFailure
    {
        public bool IsTransient { get; } = transient;

        public TimeSpan? RetryAfter { get; } = retryAfter;
    }
}
