namespace PartyAffairs.Channels.Delivery;

/// <summary>
/// Records each member's send in durable state around the platform call, so a round resumed after a crash never sends
/// to a member twice: <see cref="TryBeginAsync"/> claims the member (false: already claimed, skip), and
/// <see cref="SettleAsync"/> records the outcome once the platform answered.
/// </summary>
public interface IBroadcastJournal
{
    /// <summary>Claims <paramref name="memberId"/> right before the send; false when someone already did (not sent again).</summary>
    ValueTask<bool> TryBeginAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>Records how the send went.</summary>
    ValueTask SettleAsync(MemberDelivery delivery, CancellationToken cancellationToken);
}
