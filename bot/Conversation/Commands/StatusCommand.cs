using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“完成情况 [事项]”: the branch's progress on every tracked duty, or the detail of one.</summary>
internal sealed class StatusCommand(RosterStore roster, DutyTracker duties, BranchProgress progress) : IChatCommand
{
    public string Name => "status";

    public RequiredRole RequiredRole => RequiredRole.Secretary;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Command.Kind == CommandKind.Status;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        var dutyPhrase = context.Input.Command.Argument;
        var members = await roster.ListMembersAsync(member.BranchId, cancellationToken);
        if (dutyPhrase.Length > 0)
        {
            var duty = duties.Find(dutyPhrase);
            if (duty is null)
            {
                await context.SendAsync(Replies.UnknownDuty, cancellationToken, Replies.ActionStatus);
                return;
            }

            await context.SendAsync(BranchProgress.Detail(await progress.OfAsync(member.BranchId, duty, members, cancellationToken)), cancellationToken, Replies.ActionStatus);
            return;
        }

        var tracked = duties.All;
        if (tracked.Count == 0)
        {
            await context.SendAsync(Replies.StatusEmpty, cancellationToken);
            return;
        }

        var all = await Task.WhenAll(tracked.Select(d => progress.OfAsync(member.BranchId, d, members, cancellationToken)));
        var branch = await roster.GetBranchAsync(member.BranchId, cancellationToken);
        await context.SendAsync(Replies.StatusHeader(branch?.Name ?? member.BranchId) + "\n" + string.Join('\n', all.Select(BranchProgress.SummaryLine)), cancellationToken);
    }
}
