using PartyAffairs.Bot.Conversation.Dialogs;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;

namespace PartyAffairs.Bot.Conversation.Pipeline;

/// <summary>
/// Every adapter's <see cref="BotAdapter.OnTurnError"/>: logs the failure once, ends the sender's open dialog (a failed
/// turn never leaves a notice preview awaiting 确认) and sends one apology, <see cref="Replies.Unavailable"/>. No apology
/// when the failure was the platform refusing the reply itself: another message would be refused the same way.
/// </summary>
internal sealed class TurnErrorHandler(DialogSet dialogs, ILogger<TurnErrorHandler> logger) : ITurnErrorHandler
{
    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(exception);
        var activity = turnContext.Activity;
        ConversationLog.TurnFailed(logger, exception, activity.Type, activity.ChannelId);
        if (activity.Type != ActivityTypes.Message)
        {
            return;
        }

        if (activity.From?.Id is { Length: > 0 } userId)
        {
            await dialogs.EndQuietlyAsync(activity.ChannelId ?? "unknown", userId);
        }

        if (exception is not ChannelDeliveryException)
        {
            await ReplyMessage.SendAsync(turnContext, Replies.Unavailable, CancellationToken.None);
        }
    }
}
