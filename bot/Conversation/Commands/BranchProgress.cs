using PartyAffairs.Bot.State;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>A branch's progress on its duties (完成情况, 催办): counts without ranking, names only of those on leave or still open.</summary>
internal sealed class BranchProgress(DutyTracker duties)
{
    /// <summary>The progress of <paramref name="members"/> of <paramref name="branchId"/> on <paramref name="duty"/> in the period containing <paramref name="today"/> (the branch's).</summary>
    public async Task<DutyProgress> OfAsync(string branchId, TrackedDuty duty, IReadOnlyList<Member> members, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(duty);
        var period = DutyTracker.PeriodOn(duty, today);
        var records = await duties.ForBranchAsync(branchId, duty, period, cancellationToken);
        var applicable = members.Where(m => duties.AppliesTo(duty, m.Role)).ToArray();
        if (duty.Audience == DutyAudience.Branch)
        {
            var branchDone = records.TryGetValue(CompletionRecord.BranchSubject, out var r) && r.Status == CompletionStatus.Done;
            var count = duty.Count > 1 ? await duties.CountAsync(branchId, CompletionRecord.BranchSubject, duty, period, cancellationToken) : 0;
            return new DutyProgress(duty, period.Key, DutyTracker.DueDate(duty, period), applicable, branchDone ? applicable : [], [], branchDone ? [] : applicable, count);
        }

        Member[] With(CompletionStatus status) => applicable.Where(m => records.TryGetValue(m.Id, out var rec) && rec.Status == status).ToArray();
        return new DutyProgress(duty, period.Key, DutyTracker.DueDate(duty, period), applicable,
            With(CompletionStatus.Done), With(CompletionStatus.Leave), applicable.Where(m => !records.ContainsKey(m.Id)).ToArray());
    }

    /// <summary>The summary line of a branch duty.</summary>
    public static string BranchLine(DutyProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress.Duty.Count > 1
            ? Replies.BranchCountStatusLine(progress.Duty.Title, progress.PeriodKey, progress.Count, progress.Duty.Count)
            : Replies.BranchStatusLine(progress.Duty.Title, progress.PeriodKey, progress.Done.Count > 0);
    }

    /// <summary>The summary line of any duty.</summary>
    public static string SummaryLine(DutyProgress progress, IReadOnlySet<string>? unbound = null)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress.Duty.Audience == DutyAudience.Branch
            ? BranchLine(progress)
            : Replies.StatusLine(progress.Duty.Title, progress.PeriodKey, progress.Done.Count, progress.Applicable.Count, progress.Leave.Count,
                unbound is null ? 0 : progress.Open.Count(m => unbound.Contains(m.Id)));
    }

    /// <summary>The detail of one duty: counts, then who is on leave and who is still open.</summary>
    public static string Detail(DutyProgress progress, IReadOnlySet<string>? unbound = null)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress.Duty.Audience == DutyAudience.Branch
            ? BranchLine(progress)
            : Replies.StatusDetail(progress.Duty.Title, progress.PeriodKey, progress.Done.Count, progress.Applicable.Count,
                progress.Leave.Select(m => m.Name).ToArray(), progress.Open.Where(m => unbound?.Contains(m.Id) != true).Select(m => m.Name).ToArray(), progress.Due,
                progress.Open.Where(m => unbound?.Contains(m.Id) == true).Select(m => m.Name).ToArray());
    }
}
