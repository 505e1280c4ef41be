namespace PartyAffairs.Scheduler.Delivery;

/// <summary>Sends one reminder to a member; implemented by the host over its proactive messenger.</summary>
public interface IReminderSender
{
    /// <summary>Sends; reports refusals as an outcome rather than throwing (cancellation still throws).</summary>
    Task<SendOutcome> SendAsync(ReminderDelivery delivery, CancellationToken cancellationToken);
}
