namespace PartyAffairs.BotFramework.Builder;

/// <summary>
/// A step every turn of an adapter passes through before the bot (BotBuilder's <c>IMiddleware</c>): it may act before
/// and after the rest of the pipeline, or answer and stop by not calling <c>next</c>.
/// </summary>
public interface IMiddleware
{
    /// <summary>Handles the turn; calls <paramref name="next"/> to run the rest of the pipeline.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "BotBuilder's signature, so the SDK can replace this layer.")]
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}
