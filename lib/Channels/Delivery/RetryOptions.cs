using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.Channels.Delivery;

/// <summary>How a platform send is retried after 429, 5xx, a throttle error code or a network fault.</summary>
public sealed class RetryOptions
{
    /// <summary>Retries after the first attempt.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off delay; doubles per retry, with jitter, unless the platform said how long to wait.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single wait, including a platform's Retry-After.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(11);
}
