namespace PartyAffairs.Delivery.Queues;

/// <summary>What a handler did with an item: finished it, or parked it until an instant.</summary>
public readonly record struct WorkResult
{
    private WorkResult(DateTimeOffset? delayUntil) => DelayUntil = delayUntil;

    /// <summary>The item is finished: it leaves the processing list.</summary>
    public static WorkResult Completed => default;

    /// <summary>When set, the item waits in the delayed set until then and is queued again.</summary>
    public DateTimeOffset? DelayUntil { get; }

    /// <summary>The item waits until <paramref name="until"/>, then goes back to the tail of its queue.</summary>
    public static WorkResult Delay(DateTimeOffset until) => new(until);
}
