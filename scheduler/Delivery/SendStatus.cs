namespace PartyAffairs.Scheduler.Delivery;

/// <summary>How a send ended.</summary>
public enum SendStatus
{
    /// <summary>The channel accepted it.</summary>
    Sent,

    /// <summary>Refused for now (429, 5xx, network): may succeed later.</summary>
    Transient,

    /// <summary>Refused for good (no address, bad request).</summary>
    Permanent,
}
