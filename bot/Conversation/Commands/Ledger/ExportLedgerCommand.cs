using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.Ledger;
using PartyAffairs.Ledger.Branches;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>“导出台账 [2026]”: a record keeper gets a link to the year's workbook, valid for a short time and once (<see cref="LedgerDownloads"/>).</summary>
internal sealed class ExportLedgerCommand(BranchScopes scopes, LedgerDownloads downloads) : IChatCommand
{
    public string Name => "ledger-export";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.ExportLedger;

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
            await context.SendAsync(LedgerReplies.ExportPrivate, cancellationToken);
            return;
        }

        if (await scopes.GetAsync(member.BranchId, cancellationToken) is not { } scope)
        {
            await context.SendAsync(Replies.NotBound, cancellationToken);
            return;
        }

        var year = context.Input.Intent.Entities.Year is { } asked && asked >= 2000 && asked <= scope.Today.Year ? asked : scope.Today.Year;
        var link = downloads.Issue(member.BranchId, year);
        await context.SendAsync(LedgerReplies.ExportLink(year, link, (int)LedgerDownloads.Lifetime.TotalMinutes), cancellationToken);
    }
}
