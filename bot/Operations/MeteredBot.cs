using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Bot.Operations;

/// <summary>Counts message turns (<see cref="TurnMetrics"/>) around the application's bot, whatever the channel.</summary>
internal sealed class MeteredBot(IBot inner) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            await inner.OnTurnAsync(turnContext, cancellationToken);
            return;
        }

        var channelId = turnContext.Activity.ChannelId ?? "unknown";
        var outcome = TurnMetrics.Begin();
        try
        {
            await inner.OnTurnAsync(turnContext, cancellationToken);
        }
        catch
        {
            outcome.Failed = true;
            throw;
        }
        finally
        {
            TurnMetrics.Record(channelId, outcome.Failed);
        }
    }
}
