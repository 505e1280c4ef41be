using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Records;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>“撤销记录”: deletes the latest record the sender made in chat within a day (audited: the trail keeps its content).</summary>
internal sealed class UndoRecordCommand(BranchScopes scopes, RecordService records, TimeProvider time) : IChatCommand
{
    private static readonly string[] Phrases = ["撤销记录", "撤回记录", "删除记录", "撤销会议记录", "撤销上一条记录"];

    private static readonly TimeSpan Window = TimeSpan.FromDays(1);

    public string Name => "ledger-undo-record";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input) => Phrases.Contains(input.Text.TrimEnd('。', '.', '!', '！'), StringComparer.Ordinal);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        if (!LedgerRoles.MayKeepLedger(member))
        {
            await context.SendAsync(LedgerReplies.RecordKeepersOnly, cancellationToken, Replies.ActionHelp);
            return;
        }

        if (await scopes.GetAsync(member.BranchId, cancellationToken) is not { } scope)
        {
            await context.SendAsync(LedgerReplies.NoRecordToUndo, cancellationToken);
            return;
        }

        var since = time.GetUtcNow() - Window;
        var candidates = new List<MeetingRecord>();
        foreach (var year in new[] { scope.Today.Year, scope.Today.Year - 1 })
        {
            candidates.AddRange(await records.ListAsync(member.BranchId, year, cancellationToken) ?? []);
        }

        var latest = candidates.Where(r => r.CreatedBy == member.Id && r.CreatedAt >= since).MaxBy(r => r.CreatedAt);
        if (latest is null || (await records.DeleteAsync(member.BranchId, latest.Id, member.Id, cancellationToken)).Status != RecordStatus.Saved)
        {
            await context.SendAsync(LedgerReplies.NoRecordToUndo, cancellationToken);
            return;
        }

        await context.SendAsync(LedgerReplies.RecordUndone(latest.Kind, latest.Date), cancellationToken);
    }
}
