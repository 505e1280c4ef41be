using StackExchange.Redis;

namespace PartyAffairs.Channels.Inbound;

/// <summary>Stores a callback's turn in the inbox and answers the platform accordingly.</summary>
public static class InboxAnswers
{
    /// <summary>
    /// 200 once the turn is stored (or was already, within 10 minutes); 503 when the inbox is full or the store is
    /// unreachable, so the platform retries what was never acknowledged.
    /// </summary>
    public static async Task<IResult> AcceptAsync(ChannelInbox inbox, InboundTurn turn, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(turn);
        InboxAcceptance outcome;
        try
        {
            outcome = await inbox.AcceptAsync(turn, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            ChannelLog.StoreUnavailable(logger, turn.ChannelId, e.GetType().Name);
            return CallbackResults.Error(StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable; retry later.");
        }

        switch (outcome)
        {
            case InboxAcceptance.Duplicate:
                ChannelLog.Duplicate(logger, turn.ChannelId, turn.MessageId);
                return CallbackResults.Accepted();
            case InboxAcceptance.Full:
                ChannelLog.QueueFull(logger, turn.ChannelId);
                return CallbackResults.Error(StatusCodes.Status503ServiceUnavailable, "Busy; retry later.");
            default:
                return CallbackResults.Accepted();
        }
    }
}
