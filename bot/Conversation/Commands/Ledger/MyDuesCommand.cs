using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Dues;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>
/// “我的党费”, “党费交多少”, “我交到几月了”: the member's own assessed amount and its basis, and the last month paid —
/// in a one-to-one chat only (a group hears that it is private). Unbound users asking how much dues are get the
/// knowledge base's answer, as before.
/// </summary>
internal sealed class MyDuesCommand(BranchScopes scopes, DuesService dues, KnowledgeAnswers answers) : IChatCommand
{
    public string Name => "ledger-my-dues";

    public RequiredRole RequiredRole => RequiredRole.Anyone;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input)
    {
        var intent = input.Intent;
        return (intent.Kind == IntentKind.MyProgress && intent.Entities.Duties.Contains(DuesPaymentCommand.DuesKind))
            || (intent.Kind == IntentKind.Question && IsAmountQuestion(input.Text));
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var question = context.Input.Intent.Kind == IntentKind.Question;
        if (context.Member is not { } member)
        {
            await (question
                ? answers.AnswerAsync(context, context.Input.Text, cancellationToken)
                : context.SendAsync(Replies.NotBound, cancellationToken, Replies.ActionHelp));
            return;
        }

        if (LedgerRoles.IsGroup(context))
        {
            await (question
                ? answers.AnswerAsync(context, context.Input.Text, cancellationToken)
                : context.SendAsync(LedgerReplies.PrivateOnly, cancellationToken));
            return;
        }

        var scope = await scopes.GetAsync(member.BranchId, cancellationToken);
        var account = scope is null ? null : await dues.GetAsync(member.BranchId, member.Id, scope.Today.Year, cancellationToken);
        if (account?.Current is not { } current)
        {
            await context.SendAsync(LedgerReplies.MyDuesNone, cancellationToken, Replies.ActionMyDuties);
            return;
        }

        var paidThrough = account.Payments.Select(p => p.Month).DefaultIfEmpty().Max(StringComparer.Ordinal);
        await context.SendAsync(
            LedgerReplies.MyDues(current.MonthlyAmount, current.Category, current.MonthlyIncome, current.Rate, current.EffectiveFrom, current.Reason, paidThrough),
            cancellationToken,
            Replies.ActionMyDuties);
    }

    /// <summary>“党费交多少”, “我每月党费是多少”: short, about the amount, no figure of its own (“工资8000党费交多少” is a question about the rates).</summary>
    private static bool IsAmountQuestion(string text) =>
        text.Length <= 14 && text.Contains(DuesPaymentCommand.DuesKind, StringComparison.Ordinal)
        && (text.Contains("多少", StringComparison.Ordinal) || text.Contains("几块", StringComparison.Ordinal))
        && !text.Any(char.IsDigit) && !text.Contains("比例", StringComparison.Ordinal) && !text.Contains("标准", StringComparison.Ordinal);
}
