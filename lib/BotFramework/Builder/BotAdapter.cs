using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.Builder;

/// <summary>Connects a bot to a channel protocol: delivers incoming activities to the bot and sends its replies.</summary>
public abstract class BotAdapter
{
    /// <summary>Sends activities to the conversation of the given turn.</summary>
    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="callback"/> in a turn addressed to a stored conversation (a proactive message).</summary>
    public virtual Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var activity = new Activity { Type = ActivityTypes.Event, Name = "ContinueConversation" }.ApplyConversationReference(reference, isIncoming: true);
        return callback(new TurnContext(this, activity), cancellationToken);
    }

    /// <summary>Runs the bot on an incoming activity.</summary>
    protected async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        await callback(turnContext, cancellationToken);
    }
}
