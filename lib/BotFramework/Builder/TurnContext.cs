using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.Builder;

/// <summary>The default turn context: addresses every outgoing activity to the incoming one's conversation.</summary>
public sealed class TurnContext(BotAdapter adapter, Activity activity) : ITurnContext
{
    private int _sent;

    /// <inheritdoc />
    public BotAdapter Adapter { get; } = adapter ?? throw new ArgumentNullException(nameof(adapter));

    /// <inheritdoc />
    public Activity Activity { get; } = activity ?? throw new ArgumentNullException(nameof(activity));

    /// <inheritdoc />
    public bool Responded => Volatile.Read(ref _sent) > 0;

    /// <inheritdoc />
    public TurnContextStateCollection TurnState { get; } = new();

    /// <inheritdoc />
    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(Activity.CreateMessageActivity(text), cancellationToken);

    /// <inheritdoc />
    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.ApplyConversationReference(Activity.GetConversationReference());
        activity.Type ??= ActivityTypes.Message;
        var responses = await Adapter.SendActivitiesAsync(this, [activity], cancellationToken);
        Interlocked.Increment(ref _sent);
        return responses.Length > 0 ? responses[0] : new ResourceResponse(null);
    }
}
