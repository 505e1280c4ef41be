using System.Text;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Planning.Kinds;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.Reminders;

/// <summary>
/// Reminder settings in words, for the chat (“设置主题党日 …”, “查看提醒计划”) and the admin API: reads the secretary's
/// command, has the scheduler's <see cref="BranchSettingsService"/> validate and store it (the previous settings stay when
/// refused), and words the typed outcome; lists the branch's next reminders.
/// </summary>
internal sealed class ReminderSettingsService(BranchSettingsService settings)
{
    /// <summary>The chat command that lists the next reminders.</summary>
    public const string ShowPlanCommand = "查看提醒计划";

    /// <summary>How far ahead “查看提醒计划” looks.</summary>
    public static readonly TimeSpan PlanHorizon = TimeSpan.FromDays(100);

    /// <summary>True for the texts this service answers (settings commands and 查看提醒计划).</summary>
    public static bool Handles(string text) =>
        text is not null && (text.Trim() == ShowPlanCommand || SettingsCommandParser.IsSettingsCommand(text));

    /// <summary>The branch's settings (defaults when never set).</summary>
    public Task<BranchReminderSettings> GetAsync(string branchId, CancellationToken cancellationToken) => settings.GetAsync(branchId, cancellationToken);

    /// <summary>Applies a chat settings command (设置主题党日 每月第一个周五 15:00 三楼会议室 …).</summary>
    public async Task<SettingsReply> ApplyCommandAsync(string branchId, string text, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(branchId, cancellationToken);
        var command = SettingsCommandParser.Parse(text, settings.ExampleDate(current));
        if (command.Apply is null)
        {
            return new SettingsReply(false, command.Error ?? ReminderTexts.UnknownSetting, current);
        }

        return Reply(await settings.SaveAsync(branchId, current, command.Apply(current), cancellationToken), command.Summary!);
    }

    /// <summary>Replaces the settings (admin API); refused settings leave the stored ones unchanged.</summary>
    public async Task<SettingsReply> ReplaceAsync(string branchId, BranchReminderSettings replacement, CancellationToken cancellationToken) =>
        Reply(await settings.ReplaceAsync(branchId, replacement, cancellationToken), ReminderTexts.AllSettings);

    /// <summary>
    /// The reply to “查看提醒计划”: the next themed day's reminders first, then the branch's next reminders grouped by day,
    /// <paramref name="count"/> lines in all.
    /// </summary>
    public async Task<string> DescribePlanAsync(string branchId, int count, CancellationToken cancellationToken)
    {
        var (current, upcoming) = await settings.UpcomingAsync(branchId, PlanHorizon, cancellationToken);
        if (upcoming.Count == 0)
        {
            return ReminderTexts.PlanEmpty;
        }

        var zone = current.Zone();
        var text = new StringBuilder(ReminderTexts.PlanHeader);
        string Line(PlannedReminder planned)
        {
            var local = TimeZoneInfo.ConvertTime(planned.DueAt, zone).DateTime;
            return ReminderTexts.PlanLine(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), ReminderWording.PlanTitle(planned),
                planned.PeriodKey, ReminderWording.PlanLabel(planned.ReminderKind), ReminderWording.PlanAudience(planned.Audience));
        }

        var lines = 0;
        var themedDay = upcoming.Select(p => p.ReminderKind).OfType<ThemedDayLead>().Select(l => (DateOnly?)l.Day).FirstOrDefault();
        var themed = themedDay is { } day
            ? upcoming.Where(p => p.ReminderKind is ThemedDayLead or ThemedDayOff && p.Deadline == day).ToArray()
            : [];
        if (themedDay is { } next)
        {
            text.Append('\n').Append(ReminderTexts.PlanNextThemedDay(next));
            foreach (var planned in themed)
            {
                text.Append('\n').Append(Line(planned));
                lines++;
            }
        }

        foreach (var group in upcoming.Except(themed).GroupBy(p => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.DueAt, zone).DateTime)))
        {
            if (lines >= count)
            {
                break;
            }

            text.Append('\n').Append(ReminderTexts.PlanDayHeader(group.Key));
            foreach (var planned in group.Take(count - lines))
            {
                text.Append('\n').Append(Line(planned));
                lines++;
            }
        }

        if (current.ThemedDay is null)
        {
            text.Append('\n').Append(ReminderTexts.PlanNoThemedDay);
        }

        return text.ToString();
    }

    private static SettingsReply Reply(SettingsOutcome outcome, string summary)
    {
        if (outcome.Error is { } error)
        {
            return new SettingsReply(false, SettingsWording.Error(error), outcome.Settings);
        }

        var warnings = outcome.Warnings.Select(SettingsWording.Warning).ToArray();
        var reply = warnings.Length == 0 ? ReminderTexts.Saved(summary) : ReminderTexts.Saved(summary) + "\n" + string.Join("\n", warnings);
        return new SettingsReply(true, reply, outcome.Settings) { Warnings = warnings };
    }
}
