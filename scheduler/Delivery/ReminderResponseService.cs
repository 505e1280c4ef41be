using PartyAffairs.Knowledge.Vocabulary;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// Handles the reminder buttons: “已完成 …” records the duties as done (for the branch when a secretary confirms a branch
/// duty), “请假 …” records leave for that occurrence and tells the secretaries. Both stop further reminders of the period.
/// </summary>
public sealed class ReminderResponseService(
    ICompletionLedger ledger,
    IMemberDirectory directory,
    IBranchSettingsStore settingsStore,
    BranchDutyCatalogs catalogs,
    ReminderFanOut fanOut,
    TimeProvider time)
{
    /// <summary>The occurrence key of a confirmation of a duty required several times: its local date (one occurrence per day).</summary>
    public static string OccurrenceKey(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True when the text is a reminder response.</summary>
    public static bool Handles(string text) => ReminderResponses.Parse(text) is not null;

    /// <summary>Records the response of <paramref name="memberId"/>; returns the reply, or null when the text is not a response.</summary>
    public async Task<string?> HandleAsync(string branchId, string memberId, string text, string? activityId, CancellationToken cancellationToken)
    {
        if (ReminderResponses.Parse(text) is not { } response)
        {
            return null;
        }

        var settings = await settingsStore.GetAsync(branchId, cancellationToken) ?? new BranchReminderSettings();
        var catalog = catalogs.For(settings.BindingDocuments);
        var duties = response.Kinds.Select(catalog.Find).OfType<TrackedDuty>().ToArray();
        if (duties.Length == 0)
        {
            return null;
        }

        var members = await directory.ListMembersAsync(branchId, cancellationToken);
        var member = members.FirstOrDefault(m => m.MemberId == memberId);
        var title = string.Join("、", duties.Select(d => d.Title));
        var status = response.Leave ? CompletionStatus.Leave : CompletionStatus.Done;
        var recordedAny = false;
        OccurrenceOutcome? counted = null;
        foreach (var duty in duties)
        {
            var subject = duty.Audience == DutyAudience.Branch && !response.Leave ? CompletionRecord.BranchSubject : memberId;
            var record = new CompletionRecord
            {
                BranchId = branchId,
                MemberId = subject,
                DutyKind = duty.Kind,
                PeriodKey = response.PeriodKey,
                Status = status,
                RecordedAt = time.GetUtcNow(),
                SourceActivityId = activityId,
            };
            if (!response.Leave && duty.Count > 1)
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

        if (counted is not null)
        {
            return recordedAny
                ? ReminderTexts.OccurrenceRecorded(title, response.PeriodKey, counted.Count, counted.Required)
                : ReminderTexts.OccurrenceAlreadyToday(title, response.PeriodKey, counted.Count, counted.Required);
        }

        if (!recordedAny)
        {
            return ReminderTexts.AlreadyRecorded(title, response.PeriodKey);
        }

        if (!response.Leave)
        {
            return ReminderTexts.DoneRecorded(title, response.PeriodKey);
        }

        var secretaries = members.Where(m => PartyVocabulary.Shipped.SecretaryRoles.Contains(m.Role, StringComparer.Ordinal) && m.MemberId != memberId).ToArray();
        var kinds = duties.Select(d => d.Kind).ToArray();
        await fanOut.NotifyAsync(branchId, $"{branchId}:{string.Join('+', kinds)}:{response.PeriodKey}:leave-{memberId}", kinds, response.PeriodKey,
            ReminderTexts.LeaveNotice(member?.Name ?? memberId, title, response.PeriodKey), secretaries, time.GetUtcNow().AddDays(30), cancellationToken);
        return ReminderTexts.LeaveRecorded(title, response.PeriodKey);
    }
}
