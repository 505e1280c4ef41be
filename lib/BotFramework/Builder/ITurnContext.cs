using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.Builder;

/// <summary>One turn of a conversation: the incoming activity and the way to answer it.</summary>
public interface ITurnContext
{
    /// <summary>The adapter (channel protocol) that carries this turn.</summary>
    BotAdapter Adapter { get; }

    /// <summary>The incoming activity.</summary>
    Activity Activity { get; }

    /// <summary>True once anything was sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>Values the turn's steps share (what a middleware learnt, for the bot).</summary>
    TurnContextStateCollection TurnState { get; }

    /// <summary>Sends an activity, addressed to this turn's conversation.</summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Sends a plain-text message, addressed to this turn's conversation.</summary>
    Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default);
}
