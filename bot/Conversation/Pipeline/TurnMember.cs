using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Builder;

namespace PartyAffairs.Bot.Conversation.Pipeline;

/// <summary>
/// Who sent this turn's message: the chat account and the roster member it is bound to (null when unbound). Looked up
/// once per turn by <see cref="MemberLookupMiddleware"/> and kept in the turn state for every later step (<see cref="OfAsync"/>).
/// </summary>
internal sealed record TurnMember(string ChannelId, string? UserId, Member? Member)
{
    /// <summary>True when this very turn bound the account by the platform's mobile number (the member is told so).</summary>
    public bool BoundByMobile { get; init; }

    /// <summary>
    /// The sender of <paramref name="turnContext"/>'s message, looked up once for the turn (the first caller waits for it);
    /// throws when <see cref="MemberLookupMiddleware"/> is not in the adapter's pipeline.
    /// </summary>
    public static Task<TurnMember> OfAsync(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return (turnContext.TurnState.Get<MemberLookupMiddleware.MemberLookup>()
            ?? throw new InvalidOperationException($"No member lookup in this turn: {nameof(MemberLookupMiddleware)} is not in the adapter's pipeline (UseTurnPipeline).")).GetAsync();
    }
}
