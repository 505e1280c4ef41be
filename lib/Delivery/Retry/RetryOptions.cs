namespace PartyAffairs.Delivery.Retry;

/// <summary>
/// The one retry policy of outbound deliveries (configuration section <c>Delivery:Retry</c>): reminders, notices,
/// broadcasts, group robot posts and replies all use it, each in exactly one layer.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Delivery:Retry";

    /// <summary>Attempts per delivery (the first included) before it is reported as failed.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait before the second attempt when the platform gave no Retry-After; doubles per attempt.</summary>
    public TimeSpan Backoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between two attempts (also caps a platform's Retry-After; the shared pacer still holds sends until then).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Problems with the settings, or none.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxAttempts is < 1 or > 10)
        {
            yield return "Delivery:Retry:MaxAttempts must be 1–10.";
        }

        if (Backoff <= TimeSpan.Zero || MaxDelay < Backoff)
        {
            yield return "Delivery:Retry:Backoff must be positive and MaxDelay at least Backoff.";
        }
    }
}
