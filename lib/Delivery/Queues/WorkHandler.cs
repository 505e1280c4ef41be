namespace PartyAffairs.Delivery.Queues;

/// <summary>
/// Handles one item taken from a <see cref="WorkQueue"/>. Cancellation (shutdown after its grace, or this instance's
/// lease lost) leaves the item where it is, to be handed back; any other exception leaves it in the processing list,
/// from where the worker hands it back through the queue's recovery hook.
/// </summary>
/// <param name="item">The item, as queued.</param>
/// <param name="cancellationToken">Cancelled when the work must stop.</param>
public delegate Task<WorkResult> WorkHandler(RedisValue item, CancellationToken cancellationToken);
