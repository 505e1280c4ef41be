using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“已交党费”, “参加了主题党日”, “完成 党课”: records the duty as done for its current period.</summary>
internal sealed class CompleteCommand(CompletionRecorder recorder) : IChatCommand
{
    public string Name => "complete";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Command.Kind == CommandKind.Complete;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        recorder.RecordAsync(context, context.Input.Command.Argument, CompletionStatus.Done, cancellationToken);
}
