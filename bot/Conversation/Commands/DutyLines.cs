using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>A duty's line in 我的待办 and after a confirmation: title, period and where the member stands.</summary>
internal sealed class DutyLines
{
    /// <summary>“· 交纳党费（2026-11）：未完成，截止 11月30日”, overdue when its due date is before <paramref name="today"/> (the branch's).</summary>
    public string Line(DutyStatus status, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(status);
        return Replies.DutyLine(status.Duty.Title, status.Period.Key, status.Record?.Status switch
        {
            CompletionStatus.Done => Replies.StatusDone,
            CompletionStatus.Leave => Replies.StatusLeave,
            _ when status.Duty.Count > 1 && status.Due < today => Replies.StatusCountOverdue(status.Count, status.Duty.Count, status.Due),
            _ when status.Duty.Count > 1 => Replies.StatusCountOpen(status.Count, status.Duty.Count, status.Due),
            _ when status.Due < today => Replies.StatusOverdue(status.Due),
            _ => Replies.StatusOpen(status.Due),
        });
    }

    /// <summary>The lines of the duties still open.</summary>
    public string[] Open(IEnumerable<DutyStatus> statuses, DateOnly today) => statuses.Where(s => s.Record is null).Select(s => Line(s, today)).ToArray();
}
