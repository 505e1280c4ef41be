using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework;

/// <summary>The library's error handler until the application registers its own: logs, and answers a failed message with <see cref="ProtocolTexts.ServiceUnavailable"/>.</summary>
internal sealed class DefaultTurnErrorHandler(IOptions<ProtocolTexts> texts, ILogger<DefaultTurnErrorHandler> logger) : ITurnErrorHandler
{
    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        ProtocolLog.TurnFailed(logger, exception, activity.Type, activity.ChannelId);
        if (activity.Type == ActivityTypes.Message)
        {
            await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = texts.Value.ServiceUnavailable, TextFormat = TextFormatTypes.Plain }, CancellationToken.None);
        }
    }
}
