using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// “完成情况 [事项]”: the branch's progress on every tracked duty, or the detail of one; members who never bound a chat
/// account are listed as 未绑定, apart from those still open. Which roles may view it is the branch's setting
/// (<see cref="BranchConversationSettings.StatusViewers"/>, default 书记、副书记、组织委员).
/// </summary>
internal sealed class StatusCommand(RosterStore roster, DutyTracker duties, BranchProgress progress, ConversationSettingsStore settings) : IChatCommand
{
    public string Name => "status";

    // Bound members; the branch's viewer roles are checked in HandleAsync (a setting needs the store).
    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.Status;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        var viewers = (await settings.GetAsync(member.BranchId, cancellationToken)).StatusViewers;
        if (!viewers.Contains(member.Role, StringComparer.Ordinal))
        {
            await context.SendAsync(Replies.StatusViewersOnly(viewers), cancellationToken, Replies.ActionMyDuties, Replies.ActionHelp);
            return;
        }

        // The words after the command first (a duty the catalog names, 集中学习), then the duties the intent layer read.
        var argument = context.Input.Command.Kind == CommandKind.Status ? context.Input.Command.Argument : string.Empty;
        var named = context.Input.Intent.Entities.Duties;
        var dutyPhrase = argument.Length > 0 && duties.Find(argument) is not null ? argument : named.Count > 0 ? named[0] : argument;
        var members = await roster.ListMembersAsync(member.BranchId, cancellationToken);
        var accounts = await roster.GetAccountsAsync(members.Select(m => m.Id), cancellationToken);
        var unbound = accounts.Where(a => a.Value.Length == 0).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        if (dutyPhrase.Length > 0)
        {
            var duty = duties.Find(dutyPhrase);
            if (duty is null)
            {
                await context.SendAsync(Replies.UnknownDuty, cancellationToken, Replies.ActionStatus);
                return;
            }

            await context.SendAsync(BranchProgress.Detail(await progress.OfAsync(member.BranchId, duty, members, context.Input.Context.Today, cancellationToken), unbound), cancellationToken, Replies.ActionStatus);
            return;
        }

        var tracked = duties.All;
        if (tracked.Count == 0)
        {
            await context.SendAsync(Replies.StatusEmpty, cancellationToken);
            return;
        }

        var all = await Task.WhenAll(tracked.Select(d => progress.OfAsync(member.BranchId, d, members, context.Input.Context.Today, cancellationToken)));
        var branch = await roster.GetBranchAsync(member.BranchId, cancellationToken);
        await context.SendAsync(Replies.StatusHeader(branch?.Name ?? member.BranchId) + "\n" + string.Join('\n', all.Select(p => BranchProgress.SummaryLine(p, unbound))), cancellationToken);
    }
}
