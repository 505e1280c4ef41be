namespace PartyAffairs.Delivery.Retry;

/// <summary>An exception a platform client throws for one failed attempt: whether trying again may help, and when.</summary>
public interface IRetryableFailure
{
    /// <summary>True for 429, 5xx, network faults, throttling and rejected access tokens.</summary>
    bool IsTransient { get; }

    /// <summary>How long the platform asked to wait, when it said.</summary>
    TimeSpan? RetryAfter { get; }
}
