using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Dues;
using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>
/// “已交党费”, “交了三个月党费”, “补交了10、11月党费”: records the payment in the ledger at the member's assessed amount
/// (<see cref="DuesService.RecordPaymentAsync"/>; the 党费 completion of each month follows) and states amount and months —
/// without amounts in a group conversation. Months: those named; else this month, or for a count the oldest unpaid ones.
/// With no assessment on file a plain “已交党费” is recorded as a confirmation, as before the ledger.
/// </summary>
internal sealed class DuesPaymentCommand(BranchScopes scopes, DuesService dues, CompletionRecorder recorder) : IChatCommand
{
    public const string DuesKind = "党费";

    public string Name => "ledger-dues-payment";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input)
    {
        var intent = input.Intent;
        return intent.Kind == IntentKind.Complete && !intent.Entities.FromButton && intent.Entities.Duties is [DuesKind];
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        if (await scopes.GetAsync(member.BranchId, cancellationToken) is not { } scope)
        {
            await context.SendAsync(Replies.NotBound, cancellationToken);
            return;
        }

        var entities = context.Input.Intent.Entities;
        var named = entities.Months.Select(m => m.Key).ToArray();
        var count = named.Length == 0 && entities.MonthCount is > 1 ? entities.MonthCount : null;
        var thisMonth = $"{scope.Today.Year:D4}-{scope.Today.Month:D2}";
        var input = new PaymentInput
        {
            Months = named.Length > 0 ? named : count is null ? [thisMonth] : null,
            MonthCount = count,
        };

        var outcome = await dues.RecordPaymentAsync(member.BranchId, member.Id, input, member.Id, context.Activity.Id, cancellationToken);
        switch (outcome.Status)
        {
            case DuesStatus.Saved:
                var text = LedgerRoles.IsGroup(context)
                    ? LedgerReplies.DuesPaidInGroup(outcome.Payments.Select(p => p.Month))
                    : LedgerReplies.DuesPaid(outcome.Payments.Select(p => (p.Month, p.Amount)).ToArray());
                if (outcome.Errors.Count > 0)
                {
                    text += "\n" + string.Join("；", outcome.Errors) + "。";
                }

                await context.SendAsync(text, cancellationToken, UndoPaymentCommand.Phrase, Replies.ActionMyDuties);
                return;
            case DuesStatus.NothingToDo:
                await context.SendAsync(LedgerReplies.DuesAlreadyPaid(input.Months ?? [thisMonth]), cancellationToken, Replies.ActionMyDuties);
                return;
            case DuesStatus.NoProfile when input.Months is [var only] && only == thisMonth:
                await recorder.RecordAsync(context, CompletionStatus.Done, cancellationToken);
                return;
            case DuesStatus.NoProfile:
                await context.SendAsync(LedgerReplies.NoAssessment, cancellationToken, Replies.ActionHelp);
                return;
            default:
                await context.SendAsync(LedgerReplies.RecordRefused(outcome.Errors), cancellationToken, Replies.ActionHelp);
                return;
        }
    }
}
