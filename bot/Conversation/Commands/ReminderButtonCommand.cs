using PartyAffairs.Bot.Reminders;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// A reminder's buttons, “已完成 主题党日 2026-11” / “请假 主题党日 2026-11”: records the named duties for the named
/// period (not the current one), for the branch when a secretary confirms a branch duty; leave tells the secretaries.
/// </summary>
internal sealed class ReminderButtonCommand(ReminderResponseService responses) : IChatCommand
{
    public string Name => "reminder-button";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Button;

    public bool Matches(TurnInput input) => ReminderResponseService.Handles(input.Text);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        var reply = await responses.HandleAsync(member.BranchId, member.Id, context.Input.Text, context.Activity.Id, cancellationToken);
        await (reply is null
            ? context.SendAsync(Replies.UnknownDuty, cancellationToken, Replies.ActionMyDuties)
            : context.SendAsync(reply, cancellationToken));
    }
}
