using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Builder;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“绑定 8F3K2Q”: binds the chat account to the roster member of the invite code.</summary>
internal sealed class BindCommand(RosterStore roster, ChannelAddressStore addresses, BindingNotice bindingNotice, BindingThrottle throttle) : IChatCommand
{
    public string Name => "bind";

    public RequiredRole RequiredRole => RequiredRole.Anyone;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.Bind;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Sender.BoundByMobile)
        {
            // Bound by the mobile number in this turn: the code is not needed any more (it stays valid for another channel).
            await bindingNotice.SendAsync(context, cancellationToken, Replies.ActionMyDuties, Replies.ActionHelp);
            return;
        }

        if (context.UserId is not { } userId || context.Input.Intent.Entities.Code is not { } code)
        {
            await context.SendAsync(Replies.BindUsage, cancellationToken);
            return;
        }

        // Guessing is throttled per account, per address and overall (issue 14): over a limit nothing is tried.
        if (await throttle.TryBeginAsync(context.ChannelId, userId, TurnClientAddress.Of(context.Turn)) is not { } attempt)
        {
            await context.SendAsync(Replies.BindTooManyAttempts, cancellationToken);
            return;
        }

        var result = await roster.ClaimInviteAsync(code, context.ChannelId, userId, cancellationToken);
        if (result.Outcome == BindOutcome.Bound)
        {
            await throttle.SucceededAsync(attempt);
        }

        switch (result.Outcome)
        {
            case BindOutcome.Bound when result.Member is { } member:
                await addresses.SaveAsync(member.Id, context.Activity.GetConversationReference(), cancellationToken);
                var branch = await roster.GetBranchAsync(member.BranchId, cancellationToken);
                await context.SendAsync(Replies.Bound(member.Name, branch?.Name ?? member.BranchId, member.Role), cancellationToken, Replies.ActionMyDuties, Replies.ActionHelp);
                break;
            case BindOutcome.AlreadyBound:
                await context.SendAsync(Replies.AlreadyBound(result.Member?.Name ?? string.Empty), cancellationToken, Replies.ActionMyDuties);
                break;
            default:
                await context.SendAsync(Replies.BindInvalid, cancellationToken);
                break;
        }
    }
}
