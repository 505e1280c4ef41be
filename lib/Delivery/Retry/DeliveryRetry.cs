using Microsoft.Extensions.Options;

namespace PartyAffairs.Delivery.Retry;

/// <summary>
/// The one retry layer: runs attempts until one is final or <see cref="RetryOptions.MaxAttempts"/> ran, waiting between
/// them the platform's Retry-After or an exponential back-off (<see cref="RetryOptions.Backoff"/>, doubling, capped at
/// <see cref="RetryOptions.MaxDelay"/>), on the injected clock. Platform clients make single attempts and report
/// transient or final failures; whoever delivers (the reminder dispatcher, broadcasts, notices, replies) retries here, once.
/// Pausing a platform for every instance is the pacer's part (<see cref="Pacing.SharedRateLimiter.PauseAsync(Pacing.RateBudget, TimeSpan)"/>):
/// the client that saw the refusal records it there, so a retry waiting here cannot overtake it.
/// </summary>
public sealed class DeliveryRetry
{
    private readonly TimeProvider _time;

    /// <summary>The policy of the options.</summary>
    public DeliveryRetry(RetryOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.Problems().FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        Options = options;
        _time = time;
    }

    /// <summary>The configured policy (DI).</summary>
    public DeliveryRetry(IOptions<RetryOptions> options, TimeProvider time)
        : this(options?.Value!, time)
    {
    }

    /// <summary>One attempt, never retried: for a caller that runs its own retry loop around the send (the reminder dispatcher).</summary>
    public static DeliveryRetry Once { get; } = new(new RetryOptions { MaxAttempts = 1 }, TimeProvider.System);

    /// <summary>The policy.</summary>
    public RetryOptions Options { get; }

    /// <summary>How long to wait before attempt <paramref name="nextAttempt"/> (2 or later).</summary>
    public TimeSpan DelayBefore(int nextAttempt, TimeSpan? retryAfter)
    {
        var delay = retryAfter ?? Options.Backoff * Math.Pow(2, Math.Max(0, nextAttempt - 2));
        return delay > Options.MaxDelay ? Options.MaxDelay : delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> (called with the attempt number, from 1) until <paramref name="verdict"/> says the
    /// outcome is final or the attempts ran out; returns the last outcome. <paramref name="beforeRetry"/> runs before each
    /// wait (logs, pausing a budget) with the attempt that failed, its outcome and the wait.
    /// </summary>
    public async Task<T> RunAsync<T>(
        Func<int, CancellationToken, Task<T>> attempt,
        Func<T, RetryVerdict> verdict,
        Func<int, T, TimeSpan, Task>? beforeRetry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(verdict);
        for (var number = 1; ; number++)
        {
            var outcome = await attempt(number, cancellationToken);
            var judged = verdict(outcome);
            if (!judged.Retry || number >= Options.MaxAttempts)
            {
                return outcome;
            }

            var delay = DelayBefore(number + 1, judged.RetryAfter);
            if (beforeRetry is not null)
            {
                await beforeRetry(number, outcome, delay);
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, throws something other than a transient
    /// <see cref="IRetryableFailure"/>, or the attempts ran out (the last failure is rethrown).
    /// </summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var (result, failure) = await RunAsync<(T? Result, Exception? Failure)>(
            async (_, ct) =>
            {
                try
                {
                    return (await attempt(ct), null);
                }
                catch (Exception e) when (e is IRetryableFailure)
                {
                    return (default, e);
                }
            },
            outcome => outcome.Failure is IRetryableFailure { IsTransient: true } transient ? RetryVerdict.Transient(transient.RetryAfter) : RetryVerdict.Stop,
            null,
            cancellationToken);
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return result!;
    }

    /// <summary>As <see cref="RunAsync{T}(Func{CancellationToken, Task{T}}, CancellationToken)"/>, for an attempt without a result.</summary>
    public Task RunAsync(Func<CancellationToken, Task> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return RunAsync<bool>(
            async ct =>
            {
                await attempt(ct);
                return true;
            },
            cancellationToken);
    }
}
