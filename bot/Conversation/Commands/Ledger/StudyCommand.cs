using System.Globalization;
using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Records;
using PartyAffairs.Ledger.Study;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>“学习 2学时 党的二十大报告”: the member's own study, with hours and source (<see cref="StudyService.AddAsync"/>).</summary>
internal sealed class StudyCommand(BranchScopes scopes, StudyService study) : IChatCommand
{
    public const string StudyKind = "学时";

    public string Name => "ledger-study";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input)
    {
        var intent = input.Intent;
        return intent.Kind == IntentKind.Complete && !intent.Entities.FromButton && intent.Entities.Duties is [StudyKind] && intent.Entities.Hours is not null;
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
        var topic = entities.Topic?.Trim();
        if (entities.Hours is not { } hours || string.IsNullOrEmpty(topic))
        {
            await context.SendAsync(LedgerReplies.StudyUsage, cancellationToken);
            return;
        }

        var input = new StudyEntryInput
        {
            Hours = hours,
            Topic = topic,
            Date = entities.Date is { } date && date <= scope.Today ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        };
        var outcome = await study.AddAsync(member.BranchId, member.Id, input, member.Id, context.Activity.Id, cancellationToken);
        if (outcome is not { Status: RecordStatus.Saved, Summary: { } summary })
        {
            await context.SendAsync(LedgerReplies.RecordRefused(outcome.Errors) + "\n" + LedgerReplies.StudyUsage, cancellationToken);
            return;
        }

        await context.SendAsync(LedgerReplies.StudySaved(hours, topic, summary.Hours, summary.Quota.Hours), cancellationToken, LedgerReplies.ActionMyStudy);
    }
}
