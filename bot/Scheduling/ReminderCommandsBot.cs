using PartyAffairs.Bot.Reminders;
using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Bot.Scheduling;

/// <summary>
/// Adds the reminder commands to the conversation without touching its router: secretaries' “设置主题党日 …” and
/// “查看提醒计划”, and the reminder buttons “已完成 主题党日 2026-11” / “请假 …” (which name their period). Every other
/// message goes to the conversation bot unchanged.
/// </summary>
internal sealed class ReminderCommandsBot(
    IBot inner,
    RosterStore roster,
    ReminderSettingsService settings,
    ReminderResponseService responses) : IBot
{
    /// <summary>Lines of “查看提醒计划” in chat: with every duty of the corpus tracked, ten lines rarely reach the next week.</summary>
    private const int ChatPlanLines = 20;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var text = activity.Text?.Trim() ?? string.Empty;
        var isSetting = ReminderSettingsService.Handles(text);
        var isResponse = !isSetting && ReminderResponseService.Handles(text);
        if (activity.Type != ActivityTypes.Message || (!isSetting && !isResponse) || activity.From?.Id is not { Length: > 0 } userId)
        {
            await inner.OnTurnAsync(turnContext, cancellationToken);
            return;
        }

        var memberId = await roster.GetBoundMemberIdAsync(activity.ChannelId ?? "unknown", userId, cancellationToken);
        var member = memberId is null ? null : await roster.GetMemberAsync(memberId, cancellationToken);
        if (member is null || (isSetting && !MemberRoles.IsSecretary(member.Role)))
        {
            // Unbound users and members without the secretary role get the conversation's own replies.
            await inner.OnTurnAsync(turnContext, cancellationToken);
            return;
        }

        string? reply;
        if (isSetting)
        {
            reply = text == ReminderSettingsService.ShowPlanCommand
                ? await settings.DescribePlanAsync(member.BranchId, ChatPlanLines, cancellationToken)
                : (await settings.ApplyCommandAsync(member.BranchId, text, cancellationToken)).Reply;
        }
        else
        {
            reply = await responses.HandleAsync(member.BranchId, member.Id, text, activity.Id, cancellationToken);
        }

        if (reply is null)
        {
            await inner.OnTurnAsync(turnContext, cancellationToken);
            return;
        }

        var message = Activity.CreateMessageActivity(reply);
        message.Locale = "zh-CN";
        message.TextFormat = TextFormatTypes.Plain;
        await turnContext.SendActivityAsync(message, cancellationToken);
    }
}
