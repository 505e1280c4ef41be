using System.Globalization;
using System.Text;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Planning;

namespace PartyAffairs.Scheduler.Settings;

/// <summary>
/// What the chat (“设置主题党日 …”, “查看提醒计划”) and the admin API call: parse, validate against today and the corpus,
/// store only valid settings (the previous ones stay otherwise), and refresh the branch's triggers. A themed day set on
/// days off is saved with warnings naming them and the nearest working days.
/// </summary>
public sealed class ReminderSettingsService(
    IBranchSettingsStore store,
    BranchDutyCatalogs catalogs,
    ReminderCoordinator coordinator,
    IEnumerable<IReminderTriggers> triggers,
    WorkingCalendar calendar,
    TimeProvider time)
{
    /// <summary>The chat command that lists the next reminders.</summary>
    public const string ShowPlanCommand = "查看提醒计划";

    /// <summary>True for the texts this service answers (settings commands and 查看提醒计划).</summary>
    public static bool Handles(string text) =>
        text is not null && (text.Trim() == ShowPlanCommand || SettingsCommandParser.IsSettingsCommand(text));

    /// <summary>The branch's settings (defaults when never set).</summary>
    public async Task<BranchReminderSettings> GetAsync(string branchId, CancellationToken cancellationToken) =>
        await store.GetAsync(branchId, cancellationToken) ?? new BranchReminderSettings();

    /// <summary>Applies a chat settings command (设置主题党日 每月第一个周五 15:00 三楼会议室 …).</summary>
    public async Task<SettingsOutcome> ApplyCommandAsync(string branchId, string text, CancellationToken cancellationToken)
    {
        var current = await GetAsync(branchId, cancellationToken);
        var command = SettingsCommandParser.Parse(text, calendar.ExampleDate(Today(current.Zone())));
        if (command.Apply is null)
        {
            return new SettingsOutcome(false, command.Error ?? ReminderTexts.UnknownSetting, current);
        }

        // Only a command that sets the themed day (a new rule) warns about its days off.
        var next = command.Apply(current);
        var themedDaySet = next.ThemedDay is not null && !ReferenceEquals(next.ThemedDay, current.ThemedDay);
        return await SaveAsync(branchId, current, next, command.Summary!, themedDaySet, cancellationToken);
    }

    /// <summary>Replaces the settings (admin API); refused settings leave the stored ones unchanged.</summary>
    public async Task<SettingsOutcome> ReplaceAsync(string branchId, BranchReminderSettings settings, CancellationToken cancellationToken)
    {
        var current = await GetAsync(branchId, cancellationToken);
        return await SaveAsync(branchId, current, settings, "提醒设置", settings.ThemedDay is not null, cancellationToken);
    }

    /// <summary>The reply to “查看提醒计划”: the branch's next reminders.</summary>
    public async Task<string> DescribePlanAsync(string branchId, int count, CancellationToken cancellationToken)
    {
        var settings = await GetAsync(branchId, cancellationToken);
        var zone = settings.Zone();
        var upcoming = await coordinator.UpcomingAsync(branchId, TimeSpan.FromDays(100), cancellationToken);
        if (upcoming.Count == 0)
        {
            return ReminderTexts.PlanEmpty;
        }

        var text = new StringBuilder(ReminderTexts.PlanHeader);
        foreach (var planned in upcoming.Take(count))
        {
            var local = TimeZoneInfo.ConvertTime(planned.DueAt, zone);
            var who = planned.Audience is ReminderAudience.UnconfirmedMembers ? "党员" : planned.Audience is ReminderAudience.ArrearsLadder ? "欠缴党员及书记" : "书记";
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{ReminderTexts.Day(DateOnly.FromDateTime(local.DateTime))} {local:HH:mm} {planned.Title}（{planned.PeriodKey}）{ReminderTexts.PlanKindLabel(planned.ReminderKind)}→ {who}");
        }

        if (settings.ThemedDay is null)
        {
            text.Append('\n').Append("尚未设置主题党日。示例：").Append(ReminderTexts.ThemedDayExample);
        }

        return text.ToString();
    }

    private async Task<SettingsOutcome> SaveAsync(string branchId, BranchReminderSettings current, BranchReminderSettings next, string summary,
        bool warnThemedDay, CancellationToken cancellationToken)
    {
        var zone = BranchSettingsValidator.IsIanaZone(next.TimeZone) ? next.Zone() : current.Zone();
        var today = Today(zone);
        if (BranchSettingsValidator.Validate(next, today, catalogs.DocumentIds, calendar) is { } error)
        {
            return new SettingsOutcome(false, error, current);
        }

        var warnings = warnThemedDay ? ThemedDayWarnings.For(next.ThemedDay, today, calendar) : [];

        await store.SaveAsync(branchId, next, cancellationToken);
        foreach (var trigger in triggers)
        {
            await trigger.RefreshAsync(branchId, cancellationToken);
        }

        var reply = warnings.Count == 0 ? ReminderTexts.Saved(summary) : ReminderTexts.Saved(summary) + "\n" + string.Join("\n", warnings);
        return new SettingsOutcome(true, reply, next) { Warnings = warnings };
    }

    private DateOnly Today(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
}
