using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using IMiddleware = PartyAffairs.BotFramework.Builder.IMiddleware;

namespace PartyAffairs.Bot.Conversation.Pipeline;

/// <summary>
/// The one member lookup of a message's turn: chat account → binding → roster member, kept in the turn state
/// (<see cref="TurnMember.OfAsync"/>) for every later step. It runs before <see cref="DeduplicationMiddleware"/> only to
/// start the binding read, so that read and the de-duplication mark travel to the store together; everything else, the
/// writes included, waits until a later step asks for the member, that is until the turn is known to be new. An unbound
/// account on a platform that knows the user's mobile number (DingTalk, WeCom contacts) is bound by the roster's number,
/// in a one-to-one chat only (the confirmation names the member). A bound member's address is saved, so reminders go to
/// the channel used last.
/// </summary>
internal sealed class MemberLookupMiddleware(RosterStore roster, ChannelAddressStore addresses, MobileBinder mobileBinder) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            await next(cancellationToken);
            return;
        }

        var lookup = new MemberLookup(this, turnContext.Activity, cancellationToken);
        turnContext.TurnState.Set(lookup);
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            lookup.Observe();
        }
    }

    private Task<string?> ReadBindingAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        roster.GetBoundMemberIdAsync(channelId, userId, cancellationToken);

    private async Task<TurnMember> ResolveAsync(Activity activity, string channelId, string userId, Task<string?> binding, CancellationToken cancellationToken)
    {
        var memberId = await binding;
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

    /// <summary>One turn's lookup: the binding read starts at once, the rest on first use, once.</summary>
    internal sealed class MemberLookup
    {
        private readonly MemberLookupMiddleware _owner;
        private readonly Activity _activity;
        private readonly CancellationToken _cancellationToken;
        private readonly string _channelId;
        private readonly string? _userId;
        private readonly Task<string?>? _binding;
        private Task<TurnMember>? _member;

        public MemberLookup(MemberLookupMiddleware owner, Activity activity, CancellationToken cancellationToken)
        {
            _owner = owner;
            _activity = activity;
            _cancellationToken = cancellationToken;
            _channelId = activity.ChannelId ?? "unknown";
            _userId = activity.From?.Id is { Length: > 0 } id ? id : null;
            _binding = _userId is null ? null : owner.ReadBindingAsync(_channelId, _userId, cancellationToken);
        }

        /// <summary>The sender, resolved on the first call.</summary>
        public Task<TurnMember> GetAsync() => _member ??= _binding is null || _userId is null
            ? Task.FromResult(new TurnMember(_channelId, null, null))
            : _owner.ResolveAsync(_activity, _channelId, _userId, _binding, _cancellationToken);

        /// <summary>Observes a binding read nobody waited for (a repeated activity, a store outage), so its fault is not left unobserved.</summary>
        public void Observe()
        {
            if (_member is null && _binding is not null)
            {
                _binding.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }
    }
}
