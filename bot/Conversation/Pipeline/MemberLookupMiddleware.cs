using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using IMiddleware = PartyAffairs.BotFramework.Builder.IMiddleware;

namespace PartyAffairs.Bot.Conversation.Pipeline;

/// <summary>
/// The one member lookup of a message's turn: chat account → binding → roster member, kept in the turn state as a
/// <see cref="TurnMember"/> for every later step. An unbound account on a platform that knows the user's mobile number
/// (DingTalk, WeCom contacts) is bound by the roster's number, in a one-to-one chat only (the confirmation names the
/// member). A bound member's address is saved, so reminders go to the channel used last.
/// </summary>
internal sealed class MemberLookupMiddleware(RosterStore roster, ChannelAddressStore addresses, MobileBinder mobileBinder) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.Activity.Type == ActivityTypes.Message)
        {
            turnContext.TurnState.Set(await LookUpAsync(turnContext.Activity, cancellationToken));
        }

        await next(cancellationToken);
    }

    private async Task<TurnMember> LookUpAsync(Activity activity, CancellationToken cancellationToken)
    {
        var channelId = activity.ChannelId ?? "unknown";
        if (activity.From?.Id is not { Length: > 0 } userId)
        {
            return new TurnMember(channelId, null, null);
        }

        var memberId = await roster.GetBoundMemberIdAsync(channelId, userId, cancellationToken);
        var byMobile = false;
        if (memberId is null && activity.Conversation?.IsGroup != true)
        {
            var bound = await mobileBinder.TryBindAsync(channelId, userId, cancellationToken);
            memberId = bound?.Member?.Id;
            byMobile = bound is { Outcome: BindOutcome.Bound };
        }

        if (memberId is null)
        {
            return new TurnMember(channelId, userId, null);
        }

        var memberTask = roster.GetMemberAsync(memberId, cancellationToken);
        var saved = addresses.SaveAsync(memberId, activity.GetConversationReference(), cancellationToken);
        var member = await memberTask;
        await saved;
        return new TurnMember(channelId, userId, member) { BoundByMobile = byMobile && member is not null };
    }
}
