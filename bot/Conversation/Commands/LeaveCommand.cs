using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“请假 主题党日”: records leave for the duty's current period and tells the secretaries.</summary>
internal sealed class LeaveCommand(CompletionRecorder recorder) : IChatCommand
{
    public string Name => "leave";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent is { Kind: IntentKind.Leave, Entities.FromButton: false };

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        recorder.RecordAsync(context, CompletionStatus.Leave, cancellationToken);
}
