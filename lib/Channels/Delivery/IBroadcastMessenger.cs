using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Channels.Delivery;

/// <summary>Sends one message to many members through each member's channel, within every platform's rate limits.</summary>
public interface IBroadcastMessenger
{
    /// <summary>
    /// Sends <paramref name="activity"/> to every recipient and reports each one; waits where a platform limit would be
    /// exceeded (the shared rate limiter) and retries transient failures (the one retry policy, at most
    /// <c>Delivery:Retry:MaxAttempts</c> calls per batch). Never throws for a member's failure: it is in the report.
    /// </summary>
    Task<BroadcastReport> SendAsync(IReadOnlyList<BroadcastRecipient> recipients, Activity activity, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="SendAsync(IReadOnlyList{BroadcastRecipient}, Activity, CancellationToken)"/>, claiming each member in
    /// <paramref name="journal"/> right before its platform call (a whole batch before a batch call) and recording the
    /// outcome after it; members the journal refuses are not sent and are reported as "not sent".
    /// </summary>
    Task<BroadcastReport> SendAsync(IReadOnlyList<BroadcastRecipient> recipients, Activity activity, IBroadcastJournal? journal, CancellationToken cancellationToken);
}
