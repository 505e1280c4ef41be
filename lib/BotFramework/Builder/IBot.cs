namespace PartyAffairs.BotFramework.Builder;

/// <summary>The bot's logic: called once per incoming activity (turn), whatever channel delivered it.</summary>
public interface IBot
{
    /// <summary>Handles one turn.</summary>
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
