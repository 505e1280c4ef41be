namespace PartyAffairs.Delivery.Queues;

/// <summary>What becomes of an item found in the processing list of an instance that stopped or died.</summary>
public enum RecoveredItem
{
    /// <summary>Back to the head of its queue: it is taken again before newer items.</summary>
    Return,

    /// <summary>Removed: its work is known to be finished (or it is unreadable).</summary>
    Drop,

    /// <summary>Removed, and counted apart: the hook recorded that its work was cut off and may or may not have happened.</summary>
    Interrupted,
}
