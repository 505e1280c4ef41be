namespace PartyAffairs.Delivery.Queues;

/// <summary>What a recovery (or a return of an instance's own items) did.</summary>
/// <param name="Returned">Items put back at the head of their queue.</param>
/// <param name="Dropped">Items removed as finished or unreadable.</param>
/// <param name="Interrupted">Items removed because their work was cut off (see <see cref="RecoveredItem.Interrupted"/>).</param>
/// <param name="Instances">The dead instances whose lists were handled (empty for an instance's own list).</param>
public sealed record RecoveryReport(int Returned, int Dropped, int Interrupted, IReadOnlyList<string> Instances)
{
    /// <summary>Nothing was found.</summary>
    public static RecoveryReport None { get; } = new(0, 0, 0, []);

    /// <summary>Items handled in all.</summary>
    public int Total => Returned + Dropped + Interrupted;

    /// <summary>Both reports together.</summary>
    public RecoveryReport Add(RecoveryReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Returned + other.Returned, Dropped + other.Dropped, Interrupted + other.Interrupted, [.. Instances, .. other.Instances]);
    }
}
