using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Channels.Inbound;

/// <summary>
/// Base of the platform adapters (DingTalk, WeCom): runs a platform message through the host's turn pipeline (its
/// middleware and <see cref="BotAdapter.OnTurnError"/>, given at construction) and the application's <see cref="IBot"/>.
/// While no bot is registered the member gets <see cref="ChannelTexts.Unavailable"/> instead of silence.
/// </summary>
public abstract class PlatformAdapter : BotAdapter
{
    private readonly Lazy<IBot?> _bot;
    private readonly IOptions<ChannelTexts> _texts;

    /// <summary>Creates the adapter with the registered middleware and error handler.</summary>
    protected PlatformAdapter(IServiceProvider services, IOptions<ChannelTexts> texts)
    {
        ArgumentNullException.ThrowIfNull(services);
        _bot = new(services.GetService<IBot>);
        _texts = texts;
        this.UseTurnPipeline(services);
    }

    /// <summary>The channel layer's texts.</summary>
    protected ChannelTexts Texts => _texts.Value;

    /// <summary>Runs one incoming activity as a turn; a failure is the error handler's (a failed handler propagates).</summary>
    protected Task RunTurnAsync(Activity activity, CancellationToken cancellationToken) =>
        RunPipelineAsync(new TurnContext(this, activity), _bot.Value is { } bot ? bot.OnTurnAsync : UnavailableAsync, cancellationToken);

    /// <summary>Answers a message the bot cannot read (pictures, files, voice) with the text-only note; no turn runs.</summary>
    protected Task ReplyTextOnlyAsync(Activity activity, CancellationToken cancellationToken) =>
        new TurnContext(this, activity).SendActivityAsync(Texts.TextOnly, cancellationToken);

    private async Task UnavailableAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await turnContext.SendActivityAsync(Activity.CreateMessageActivity(Texts.Unavailable), cancellationToken);
}
