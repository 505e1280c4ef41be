namespace PartyAffairs.Scheduler.Delivery;

/// <summary>The result of one send attempt.</summary>
public sealed record SendOutcome(SendStatus Status, TimeSpan? RetryAfter = null, string? Error = null)
{
    /// <summary>Accepted.</summary>
    public static SendOutcome Sent { get; } = new(SendStatus.Sent);
}
