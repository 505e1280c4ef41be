using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“已交党费”, “参加了主题党日”, “完成 党课”: records the duty as done for its current period.</summary>
internal sealed class CompleteCommand(CompletionRecorder recorder) : IChatCommand
{
    public string Name => "complete";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent is { Kind: IntentKind.Complete, Entities.FromButton: false } intent && !LedgerOwns(intent);

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        recorder.RecordAsync(context, CompletionStatus.Done, cancellationToken);

    /// <summary>Study hours with their amount (学习 2学时) are the ledger's records, not a duty confirmation.</summary>
    private static bool LedgerOwns(IntentResult intent) => intent.Entities.Hours is not null;
}
