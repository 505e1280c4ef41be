namespace PartyAffairs.Delivery.Queues;

/// <summary>What a heartbeat found.</summary>
public enum LeaseState
{
    /// <summary>The lease was this instance's and is renewed.</summary>
    Held,

    /// <summary>The instance had no lease yet and now has one.</summary>
    Started,

    /// <summary>
    /// The lease had been taken away (it lapsed and another instance handed this instance's items back to the queue): a
    /// new lease is in place, and the work this instance still runs belongs to others now.
    /// </summary>
    Lost,
}
