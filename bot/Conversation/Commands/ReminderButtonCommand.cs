using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// A reminder's buttons, “已完成 主题党日 2026-11” / “请假 主题党日 2026-11” (also sent by the clarification buttons): records
/// the named duties for the named period (not the current one), for the branch when a secretary confirms a branch duty;
/// leave tells the secretaries once per occurrence. The same <see cref="CompletionRecorder"/> as typed confirmations, so
/// the same authorization (<see cref="CompletionAuthorization"/>): a member cannot complete a branch duty, nor record a
/// period outside the window.
/// </summary>
internal sealed class ReminderButtonCommand(CompletionRecorder recorder) : IChatCommand
{
    public string Name => "reminder-button";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Button;

    public bool Matches(TurnInput input) => input.Intent.Entities.FromButton;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        recorder.RecordAsync(context, context.Input.Intent.Kind == IntentKind.Leave ? CompletionStatus.Leave : CompletionStatus.Done, cancellationToken);
}
