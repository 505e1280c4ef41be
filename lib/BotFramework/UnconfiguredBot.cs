using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework;

/// <summary>Answers messages politely when no <see cref="IBot"/> is registered, so the protocols can be exercised on their own.</summary>
internal sealed class UnconfiguredBot(IOptions<ProtocolTexts> texts) : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Type == ActivityTypes.Message
            ? turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = texts.Value.NotConfigured, TextFormat = "plain" }, cancellationToken)
            : Task.CompletedTask;
    }
}
