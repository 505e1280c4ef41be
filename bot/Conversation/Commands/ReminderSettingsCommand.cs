using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.Reminders;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// A secretary's reminder settings, “设置主题党日 每月第一个周五 15:00 三楼会议室”, “设置党费日 …”, “设置提醒 …”,
/// “设置免打扰 …”, “设置依据文件 …”, “设置时区 …”, “设置节假日提醒 …”: saved when valid, explained with an example otherwise.
/// </summary>
internal sealed class ReminderSettingsCommand(ReminderSettingsService settings) : IChatCommand
{
    public string Name => "reminder-settings";

    public RequiredRole RequiredRole => RequiredRole.Secretary;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.Settings && !StatusViewersCommand.Handles(input.Text) && !MemberProfileCommand.Handles(input.Text);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var branchId = context.BoundMember.BranchId;
        var reply = await settings.ApplyCommandAsync(branchId, context.Input.Text, cancellationToken);
        await context.SendAsync(reply.Reply, cancellationToken);
    }
}
