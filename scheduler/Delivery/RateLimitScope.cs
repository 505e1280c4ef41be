namespace PartyAffairs.Scheduler.Delivery;

/// <summary>What one reminder rate cap covers.</summary>
public enum RateLimitScope
{
    /// <summary>One budget for the whole channel.</summary>
    Channel,

    /// <summary>One budget per member's conversation.</summary>
    Conversation,
}
