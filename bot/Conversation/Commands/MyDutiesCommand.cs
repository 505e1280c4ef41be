namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“我的待办”: the member's duties in their current periods, with one-tap confirmations of the open ones.</summary>
internal sealed class MyDutiesCommand(DutyTracker duties, DutyLines lines) : IChatCommand
{
    public string Name => "my-duties";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Command.Kind == CommandKind.MyDuties;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        var statuses = await duties.ForMemberAsync(member, cancellationToken);
        if (statuses.Count == 0)
        {
            await context.SendAsync(Replies.NoDuties, cancellationToken, Replies.ActionHelp);
            return;
        }

        var buttons = statuses.Where(s => s.Record is null).Take(3).Select(s => Replies.ConfirmPhrase(s.Duty.Kind)).ToArray();
        await context.SendAsync(Replies.MyDutiesHeader(member.Name) + "\n" + string.Join('\n', statuses.Select(lines.Line)), cancellationToken, buttons);
    }
}
