using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Dues;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>
/// “设置党费 张三 在职 8000”: a record keeper sets a member's dues category and income base
/// (<see cref="DuesService.SetProfileAsync"/>: the same validation and messages as the admin PUT); the reply confirms
/// amount and rate. Refused in a group conversation: an income is never discussed there.
/// </summary>
internal sealed class DuesProfileCommand(BranchScopes scopes, DuesService dues) : IChatCommand
{
    public string Name => "ledger-dues-profile";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.DuesProfile;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        if (!LedgerRoles.MayKeepLedger(member))
        {
            await context.SendAsync(LedgerReplies.RecordKeepersOnly, cancellationToken, Replies.ActionHelp);
            return;
        }

        if (LedgerRoles.IsGroup(context))
        {
            await context.SendAsync(LedgerReplies.PrivateOnly, cancellationToken);
            return;
        }

        var entities = context.Input.Intent.Entities;
        if (entities.PersonName is not { } name || await scopes.GetAsync(member.BranchId, cancellationToken) is not { } scope)
        {
            await context.SendAsync(LedgerReplies.DuesProfileUsage, cancellationToken);
            return;
        }

        var matches = scope.Members.Where(m => m.Name == name).Take(2).ToArray();
        if (matches.Length != 1)
        {
            await context.SendAsync(matches.Length == 0 ? LedgerReplies.UnknownMember(name) : LedgerReplies.AmbiguousMember(name), cancellationToken);
            return;
        }

        var input = new DuesProfileInput { Category = entities.DuesCategory, MonthlyIncome = entities.MonthlyIncome };
        var outcome = await dues.SetProfileAsync(member.BranchId, matches[0].Id, input, member.Id, cancellationToken);
        if (outcome is not { Status: DuesStatus.Saved, Assessment: { } profile })
        {
            await context.SendAsync(
                outcome.Errors.Count > 0 ? LedgerReplies.RecordRefused(outcome.Errors) + "\n" + LedgerReplies.DuesProfileUsage : LedgerReplies.DuesProfileUsage,
                cancellationToken);
            return;
        }

        await context.SendAsync(LedgerReplies.DuesProfileSaved(matches[0].Name, profile.Category, profile.MonthlyAmount, profile.MonthlyIncome, profile.Rate), cancellationToken);
    }
}
