namespace PartyAffairs.BotFramework.Builder;

/// <summary>
/// What every adapter of the host does when a turn fails (becomes <see cref="BotAdapter.OnTurnError"/>, as BotBuilder's
/// <c>AdapterWithErrorHandler</c> sets it): log, answer the user, clean up. The protocol library registers a default
/// that logs and sends <see cref="ProtocolTexts.ServiceUnavailable"/>; the application replaces it with
/// <see cref="TurnPipelineServices.AddTurnErrorHandler{THandler}"/>.
/// </summary>
public interface ITurnErrorHandler
{
    /// <summary>Handles the failure of <paramref name="turnContext"/>; an exception thrown here fails the request (for example a 502).</summary>
    Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception);
}
