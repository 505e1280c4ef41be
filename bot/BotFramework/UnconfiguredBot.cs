using PartyAffairs.Bot.BotFramework.Builder;
using PartyAffairs.Bot.BotFramework.Schema;

namespace PartyAffairs.Bot.BotFramework;

/// <summary>Answers messages politely when no <see cref="IBot"/> is registered, so the protocols can be exercised on their own.</summary>
internal sealed class UnconfiguredBot : IBot
{
    public static UnconfiguredBot Instance { get; } = new();

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Type == ActivityTypes.Message
            ? turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = ProtocolReplies.NotConfigured, TextFormat = "plain" }, cancellationToken)
            : Task.CompletedTask;
    }
}
