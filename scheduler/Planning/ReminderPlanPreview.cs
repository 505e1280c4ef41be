using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Scheduler.Planning;

/// <summary>
/// A branch's reminders over a range of days as the messages that would be sent: the same planner, the same send slots
/// and digests, the same resolution against the roster (as it is now) and the ledger, and the same words as fan-out uses;
/// only nothing is queued. For the plan API and the web console's calendar.
/// </summary>
public sealed class ReminderPlanPreview(IBranchSettingsStore settingsStore, BranchDutyCatalogs catalogs, ReminderPlanner planner, ReminderFanOut fanOut)
{
    /// <summary>The longest range one preview covers, in days.</summary>
    public const int MaxDays = 400;

    /// <summary>Every message of the branch sent on a local day in [<paramref name="from"/>, <paramref name="to"/>], by send time.</summary>
    public async Task<IReadOnlyList<PlanEntry>> PreviewAsync(string branchId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(branchId, cancellationToken) ?? new BranchReminderSettings();
        var zone = settings.Zone();
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(from.ToDateTime(TimeOnly.MinValue)));
        var endDay = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var end = new DateTimeOffset(endDay, zone.GetUtcOffset(endDay)).AddTicks(-1);
        var since = await fanOut.BranchCreatedAsync(branchId, cancellationToken);
        var planned = planner.Plan(branchId, settings, catalogs.For(settings.BindingDocuments), catalogs.Titles, start, end, since);

        var entries = new List<PlanEntry>();
        foreach (var slot in planned.GroupBy(p => ReminderDigests.SlotOf(p, zone), StringComparer.Ordinal))
        {
            var reminders = slot.ToArray();
            var sendAt = TimeZoneInfo.ConvertTime(reminders.Min(r => r.DueAt), zone);
            var messages = await fanOut.ComposeSlotAsync(slot.Key, reminders, cancellationToken);

            // Digests of several people with the same lines read the same: one entry with all of them.
            foreach (var same in messages.GroupBy(m => (string.Join('|', m.Planned.Select(p => p.Id)), m.Record.Message.Text)))
            {
                var first = same.First();
                entries.Add(new PlanEntry
                {
                    SendAt = sendAt,
                    Reminders = first.Planned,
                    Message = first.Record.Message,
                    Recipients = [.. same.SelectMany(m => m.Recipients).DistinctBy(r => r.MemberId)],
                });
            }
        }

        return [.. entries.OrderBy(e => e.SendAt).ThenBy(e => e.Reminders[0].Id, StringComparer.Ordinal)];
    }
}
