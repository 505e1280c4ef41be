using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using IMiddleware = PartyAffairs.BotFramework.Builder.IMiddleware;

namespace PartyAffairs.Bot.Operations;

/// <summary>
/// Counts message turns (<see cref="TurnMetrics"/>), whatever the channel: the first middleware of the pipeline, so a
/// turn that throws (on its way to the adapter's error handler) or that a later step marks failed (a store outage) is
/// counted as failed.
/// </summary>
internal sealed class TurnMetricsMiddleware : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            await next(cancellationToken);
            return;
        }

        var channelId = turnContext.Activity.ChannelId ?? "unknown";
        var outcome = TurnMetrics.Begin();
        try
        {
            await next(cancellationToken);
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
