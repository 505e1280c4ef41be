namespace PartyAffairs.Scheduler.Delivery;

/// <summary>What one rate-limit budget covers.</summary>
public enum RateLimitScope
{
    /// <summary>One budget for the whole channel (a group robot's webhook, an app's message quota).</summary>
    Channel,

    /// <summary>One budget per conversation (Teams: about 7 messages a second per conversation).</summary>
    Conversation,
}
