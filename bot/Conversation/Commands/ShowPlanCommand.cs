using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.Reminders;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“查看提醒计划”: the branch's next reminders.</summary>
internal sealed class ShowPlanCommand(ReminderSettingsService settings) : IChatCommand
{
    /// <summary>Lines of the plan in chat: with every duty of the corpus tracked, ten lines rarely reach the next week.</summary>
    private const int ChatPlanLines = 20;

    public string Name => "show-plan";

    public RequiredRole RequiredRole => RequiredRole.Secretary;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.ShowPlan;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        await context.SendAsync(await settings.DescribePlanAsync(context.BoundMember.BranchId, ChatPlanLines, cancellationToken), cancellationToken);
}
