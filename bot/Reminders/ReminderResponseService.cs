using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Bot.Reminders;

/// <summary>
/// The reminder buttons in chat: reads “已完成 主题党日 2026-11” / “请假 …”, has the scheduler's
/// <see cref="ReminderResponseRecorder"/> record the answer (leave also tells the secretaries), and words the reply.
/// </summary>
internal sealed class ReminderResponseService(ReminderResponseRecorder recorder)
{
    /// <summary>True when the text is a reminder response.</summary>
    public static bool Handles(string text) => ReminderResponses.Parse(text) is not null || ReminderResponses.ParseAll(text) is not null;

    /// <summary>Records the response of <paramref name="memberId"/>; returns the reply, or null when the text is not a response to a duty of the branch.</summary>
    public async Task<string?> HandleAsync(string branchId, string memberId, string text, string? activityId, CancellationToken cancellationToken)
    {
        if (ReminderResponses.ParseAll(text) is { } all)
        {
            // A digest's “全部已完成”: each line recorded as if its own button had been tapped; one reply per line.
            var replies = new List<string>();
            foreach (var line in all)
            {
                if (DutyPeriod.TryParse(line.PeriodKey, out var linePeriod)
                    && await recorder.RecordAsync(branchId, memberId, CompletionStatus.Done, line.Kinds, linePeriod, activityId, cancellationToken) is { } lineOutcome)
                {
                    replies.Add(Reply(lineOutcome));
                }
            }

            return replies.Count > 0 ? string.Join("\n", replies) : null;
        }

        if (ReminderResponses.Parse(text) is not { } response || !DutyPeriod.TryParse(response.PeriodKey, out var period))
        {
            return null;
        }

        var status = response.Leave ? CompletionStatus.Leave : CompletionStatus.Done;
        return await recorder.RecordAsync(branchId, memberId, status, response.Kinds, period, activityId, cancellationToken) is { } outcome
            ? Reply(outcome)
            : null;
    }

    /// <summary>The reply to a recorded answer.</summary>
    public static string Reply(ResponseOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var title = ReminderTexts.Titles(outcome.Duties.Select(d => d.Title));
        var periodKey = outcome.Period.Key;
        if (outcome.Count is { } counted)
        {
            return outcome.Recorded
                ? ReminderTexts.OccurrenceRecorded(title, periodKey, counted.Count, counted.Required)
                : ReminderTexts.OccurrenceAlreadyToday(title, periodKey, counted.Count, counted.Required);
        }

        if (!outcome.Recorded)
        {
            return ReminderTexts.AlreadyRecorded(title, periodKey);
        }

        return outcome.Status == CompletionStatus.Leave ? ReminderTexts.LeaveRecorded(title, periodKey) : ReminderTexts.DoneRecorded(title, periodKey);
    }
}
