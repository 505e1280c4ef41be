namespace PartyAffairs.Delivery.Retry;

/// <summary>Whether an attempt's outcome is worth another attempt, and when the platform said it would accept one.</summary>
public readonly record struct RetryVerdict
{
    private RetryVerdict(bool retry, TimeSpan? after)
    {
        Retry = retry;
        RetryAfter = after;
    }

    /// <summary>The outcome is final (delivered, or refused for good).</summary>
    public static RetryVerdict Stop => default;

    /// <summary>True for a transient refusal (429, 5xx, network, throttling).</summary>
    public bool Retry { get; }

    /// <summary>The platform's Retry-After, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>A transient refusal, with the platform's Retry-After when it gave one.</summary>
    public static RetryVerdict Transient(TimeSpan? retryAfter = null) => new(true, retryAfter);
}
