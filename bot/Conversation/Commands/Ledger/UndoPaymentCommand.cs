using PartyAffairs.Ledger.Dues;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>“撤销党费”: removes the member's latest dues payment (every month paid with it) and those months' completions.</summary>
internal sealed class UndoPaymentCommand(DuesService dues) : IChatCommand
{
    /// <summary>The phrase (and button).</summary>
    public const string Phrase = "撤销党费";

    private static readonly string[] Phrases = [Phrase, "撤销交纳党费", "撤销党费登记", "撤回党费"];

    public string Name => "ledger-undo-payment";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input) => Phrases.Contains(input.Text.TrimEnd('。', '.', '!', '！'), StringComparer.Ordinal);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        var outcome = await dues.UndoPaymentAsync(member.BranchId, member.Id, null, cancellationToken);
        await context.SendAsync(
            outcome.Status == DuesStatus.Saved ? LedgerReplies.PaymentUndone(outcome.Payments.Select(p => p.Month)) : LedgerReplies.NoPaymentToUndo,
            cancellationToken,
            Replies.ActionMyDuties);
    }
}
