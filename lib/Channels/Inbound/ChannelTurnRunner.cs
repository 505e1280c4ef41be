using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Channels.Inbound;

/// <summary>
/// Runs the application's <see cref="IBot"/> on an activity from a platform adapter. When no bot is registered, or the
/// turn fails before answering, the member gets a short "unavailable" reply instead of silence.
/// </summary>
public sealed class ChannelTurnRunner(IServiceProvider services, IOptions<ChannelTexts> texts, ILogger<ChannelTurnRunner> logger)
{
    private readonly Lazy<IBot?> _bot = new(services.GetService<IBot>);

    /// <summary>Runs one turn through <paramref name="turn"/>'s adapter.</summary>
    public async Task RunAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        try
        {
            if (_bot.Value is not { } bot)
            {
                await turn.SendActivityAsync(Activity.CreateMessageActivity(texts.Value.Unavailable), cancellationToken);
                return;
            }

            await bot.OnTurnAsync(turn, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ChannelLog.TurnFailed(logger, e.GetType().Name);
            if (!turn.Responded && e is not ChannelDeliveryException)
            {
                try
                {
                    await turn.SendActivityAsync(Activity.CreateMessageActivity(texts.Value.Unavailable), cancellationToken);
                }
                catch (ChannelDeliveryException delivery)
                {
                    ChannelLog.TurnFailed(logger, delivery.GetType().Name);
                }
            }
        }
    }
}
