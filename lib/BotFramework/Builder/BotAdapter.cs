using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.Builder;

/// <summary>
/// Connects a bot to a channel protocol: delivers incoming activities through the adapter's middleware to the bot and
/// sends its replies. A failed turn goes to <see cref="OnTurnError"/>, the adapter's one error boundary.
/// </summary>
public abstract class BotAdapter
{
    /// <summary>The middleware every incoming activity passes through, in order, before the bot.</summary>
    public MiddlewareSet MiddlewareSet { get; } = new();

    /// <summary>
    /// Called when the middleware or the bot throws (not when the caller cancelled the turn): logs, answers the user and
    /// cleans up. Null: the exception reaches the adapter's caller.
    /// </summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    /// <summary>Adds a middleware after those already added; returns the adapter.</summary>
    public BotAdapter Use(IMiddleware middleware)
    {
        MiddlewareSet.Use(middleware);
        return this;
    }

    /// <summary>Sends activities to the conversation of the given turn.</summary>
    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="callback"/> in a turn addressed to a stored conversation (a proactive message, without the middleware).</summary>
    public virtual Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var activity = new Activity { Type = ActivityTypes.Event, Name = "ContinueConversation" }.ApplyConversationReference(reference, isIncoming: true);
        return callback(new TurnContext(this, activity), cancellationToken);
    }

    /// <summary>
    /// Runs an incoming activity through the middleware and <paramref name="callback"/>. True when the turn completed;
    /// false when it failed and <see cref="OnTurnError"/> handled it. Without a handler, or when the handler throws, the
    /// exception propagates; a cancellation by <paramref name="cancellationToken"/> always does.
    /// </summary>
    protected async Task<bool> RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(callback);
        try
        {
            await MiddlewareSet.ReceiveActivityWithStatusAsync(turnContext, callback, cancellationToken);
            return true;
        }
        catch (Exception e) when (OnTurnError is not null && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            await OnTurnError(turnContext, e);
            return false;
        }
    }
}
