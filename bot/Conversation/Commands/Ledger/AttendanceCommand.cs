using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Records;
using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>
/// “参加了12月3日的党员大会” (or “已完成 党员大会” on the day of a record): when a record of that kind exists on that day
/// (today when none is named), the member is added as attendee, audited as their own confirmation
/// (<see cref="RecordService.ConfirmAttendanceAsync"/>); otherwise the completion is recorded as before.
/// </summary>
internal sealed class AttendanceCommand(BranchScopes scopes, RecordService records, CompletionRecorder recorder) : IChatCommand
{
    public string Name => "ledger-attendance";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input)
    {
        var intent = input.Intent;
        return intent.Kind == IntentKind.Complete && !intent.Entities.FromButton
            && intent.Entities.Duties is [var duty] && IsMeeting(duty);
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        var scope = await scopes.GetAsync(member.BranchId, cancellationToken);
        var intent = context.Input.Intent;
        if (scope is not null && intent.Entities.Duties is [var duty] && RecordKinds.Normalize(duty) is { } kind)
        {
            var date = intent.Entities.Date ?? scope.Today;
            var record = (await records.ListAsync(member.BranchId, date.Year, cancellationToken) ?? [])
                .LastOrDefault(r => r.Kind == kind && r.Date == date);
            if (record is not null)
            {
                if (record.Present.Any(a => a.MemberId == member.Id))
                {
                    await context.SendAsync(LedgerReplies.AttendanceAlready(record.Kind, record.Date), cancellationToken, Replies.ActionMyDuties);
                    return;
                }

                var outcome = await records.ConfirmAttendanceAsync(member.BranchId, record.Id, member.Id, cancellationToken);
                if (outcome.Status == RecordStatus.Saved)
                {
                    await context.SendAsync(LedgerReplies.AttendanceConfirmed(record.Kind, record.Date, record.Hours), cancellationToken, Replies.ActionMyDuties);
                    return;
                }
            }
        }

        // No record of that meeting on that day: the member's own confirmation, as before the ledger.
        await recorder.RecordAsync(context, CompletionStatus.Done, cancellationToken);
    }

    private static bool IsMeeting(string duty) => duty != "学时" && RecordKinds.Normalize(duty) is not null;
}
