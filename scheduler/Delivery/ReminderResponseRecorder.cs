using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Planning.Kinds;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// Records a member's answer to a reminder, already read by the host (the 已完成 / 请假 buttons): done records the duties
/// (for the branch when a secretary confirms a branch duty; counted once a day for a duty required several times), leave
/// records leave for that occurrence and tells the secretaries. Both stop further reminders of the period.
/// </summary>
public sealed class ReminderResponseRecorder(
    ICompletionLedger ledger,
    IMemberDirectory directory,
    IBranchSettingsStore settingsStore,
    BranchDutyCatalogs catalogs,
    ReminderFanOut fanOut,
    TimeProvider time)
{
    /// <summary>How long the secretaries' leave notice stays worth sending.</summary>
    public static readonly TimeSpan LeaveNoticeUsefulFor = TimeSpan.FromDays(30);

    /// <summary>The occurrence key of a confirmation of a duty required several times: its local date (one occurrence per day).</summary>
    public static string OccurrenceKey(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Records <paramref name="status"/> of <paramref name="memberId"/> for the duties named by <paramref name="kinds"/>
    /// (kinds or aliases, as the branch's catalog knows them) in <paramref name="period"/>; null when none of them is a duty
    /// of the branch.
    /// </summary>
    public async Task<ResponseOutcome?> RecordAsync(string branchId, string memberId, CompletionStatus status, IReadOnlyList<string> kinds, DutyPeriod period,
        string? activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var settings = await settingsStore.GetAsync(branchId, cancellationToken) ?? new BranchReminderSettings();
        var catalog = catalogs.For(settings.BindingDocuments);
        var duties = kinds.Select(catalog.Find).OfType<TrackedDuty>().ToArray();
        if (duties.Length == 0)
        {
            return null;
        }

        var members = await directory.ListMembersAsync(branchId, cancellationToken);
        var member = members.FirstOrDefault(m => m.MemberId == memberId);
        var leave = status == CompletionStatus.Leave;
        var recordedAny = false;
        OccurrenceOutcome? counted = null;
        foreach (var duty in duties)
        {
            var subject = duty.Audience == DutyAudience.Branch && !leave ? CompletionRecord.BranchSubject : memberId;
            var record = new CompletionRecord
            {
                BranchId = branchId,
                MemberId = subject,
                DutyKind = duty.Kind,
                PeriodKey = period.Key,
                Status = status,
                RecordedAt = time.GetUtcNow(),
                SourceActivityId = activityId,
            };
            if (!leave && duty.Count > 1)
            {
                // Counted once per subject and local day: a second tap, a channel retry or the other secretary confirming the
                // same meeting that day adds nothing.
                var outcome = await ledger.AddOccurrenceAsync(record, OccurrenceKey(time.GetUtcNow(), settings.Zone()), duty.Count, cancellationToken);
                counted = counted is null || outcome.Count < counted.Count ? outcome : counted;
                recordedAny |= outcome.Added;
                continue;
            }

            recordedAny |= await ledger.RecordAsync(record, cancellationToken);
        }

        var result = new ResponseOutcome { Duties = duties, Period = period, Status = status, Recorded = recordedAny, Count = counted };
        if (counted is not null || !recordedAny || !leave)
        {
            return result;
        }

        var secretaries = members.Where(m => DutyKinds.SecretaryRoles.Contains(m.Role, StringComparer.Ordinal) && m.MemberId != memberId).ToArray();
        var now = time.GetUtcNow();
        var notice = new PlannedReminder
        {
            BranchId = branchId,
            Group = ReminderGroup.Duties,
            Kinds = duties.Select(d => d.Kind).ToArray(),
            Titles = duties.Select(d => d.Title).ToArray(),
            Period = period,
            ReminderKind = new LeaveNotice(memberId, member?.Name ?? memberId),
            Audience = ReminderAudience.Secretaries,
            DueAt = now,
            UsefulUntil = now + LeaveNoticeUsefulFor,
            Deadline = period.End,
            Actionable = false,
        };
        await fanOut.NotifyAsync(notice, secretaries, cancellationToken);
        return result;
    }
}
