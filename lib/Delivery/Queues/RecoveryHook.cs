namespace PartyAffairs.Delivery.Queues;

/// <summary>
/// Decides, per item of a stopped or dead instance's processing list, whether it goes back to the queue; it may record
/// the decision elsewhere first (release a claim, mark a send interrupted). Such writes must be guarded by the exact value
/// they expect (WATCH/MULTI), because the item may still be finished meanwhile by an instance that was only stalled.
/// </summary>
/// <param name="item">The item.</param>
/// <param name="instanceId">The instance whose processing list held it.</param>
public delegate Task<RecoveredItem> RecoveryHook(RedisValue item, string instanceId);
