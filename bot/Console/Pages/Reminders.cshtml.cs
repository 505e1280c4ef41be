using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.WebConsole.Pages;

/// <summary>
/// Reminder settings through the chat's own service (<see cref="ReminderSettingsService.ApplyCommandAsync"/>: the same
/// parsing, validation and Chinese messages as “设置…” in chat; a refused value changes nothing), holiday warnings, and
/// the plan as a month calendar from the planner behind 查看提醒计划.
/// </summary>
internal sealed class RemindersModel(ReminderSettingsService service, BranchSettingsService settings, WorkingCalendar calendar, TimeProvider time) : PageModel
{
    /// <summary>The settings the form offers (the chat's 设置 commands).</summary>
    public static IReadOnlyList<string> Items { get; } = ["主题党日", "党费日", "提醒", "免打扰", "节假日提醒", "时区", "依据文件"];

    private const int MonthsAhead = 12;

    public BranchReminderSettings Settings { get; private set; } = new();

    public IReadOnlyList<string> HolidayWarnings { get; private set; } = [];

    public DateOnly Month { get; private set; }

    public int LeadingBlanks { get; private set; }

    public IReadOnlyList<PlanDay> Days { get; private set; } = [];

    public string? Item { get; private set; }

    public string? Value { get; private set; }

    public string? Reply { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string branchId, string? month, CancellationToken cancellationToken) =>
        await LoadAsync(branchId, month, cancellationToken) ? Page() : StatusPage.NotFound(HttpContext);

    public async Task<IActionResult> OnPostAsync(string branchId, string? item, string? value, CancellationToken cancellationToken)
    {
        (Item, Value) = (item, value?.Trim());
        if (item is null || !Items.Contains(item) || string.IsNullOrEmpty(Value))
        {
            Reply = ConsoleTexts.SettingMissing;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            var reply = await service.ApplyCommandAsync(branchId, $"设置{item} {Value}", cancellationToken);
            (Reply, Saved) = (reply.Reply, reply.Saved);
            if (!reply.Saved)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }

        await LoadAsync(branchId, null, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(string branchId, string? month, CancellationToken cancellationToken)
    {
        Settings = await settings.GetAsync(branchId, cancellationToken);
        var zone = Settings.Zone();
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        var today = DateOnly.FromDateTime(now.DateTime);
        var first = new DateOnly(today.Year, today.Month, 1);
        if (month is not null)
        {
            if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked)
                || asked < first.AddMonths(-MonthsAhead) || asked > first.AddMonths(MonthsAhead))
            {
                return false;
            }

            first = asked;
        }

        Month = first;
        HolidayWarnings = ThemedDayWarnings.For(Settings.ThemedDay, today, calendar).Select(SettingsWording.Warning).ToArray();
        var end = first.AddMonths(1);
        var byDay = new Dictionary<DateOnly, List<string>>();
        var horizonEnd = new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(end.ToDateTime(TimeOnly.MinValue)));
        if (horizonEnd > time.GetUtcNow())
        {
            var (_, upcoming) = await settings.UpcomingAsync(branchId, horizonEnd - time.GetUtcNow(), cancellationToken);
            foreach (var planned in upcoming)
            {
                var local = TimeZoneInfo.ConvertTime(planned.DueAt, zone);
                var day = DateOnly.FromDateTime(local.DateTime);
                if (day >= first && day < end)
                {
                    (byDay.TryGetValue(day, out var list) ? list : byDay[day] = []).Add(
                        $"{local:HH:mm} {ReminderWording.PlanTitle(planned)}{ReminderWording.PlanLabel(planned.ReminderKind)}");
                }
            }
        }

        LeadingBlanks = ((int)first.DayOfWeek + 6) % 7;
        Days = Enumerable.Range(0, end.DayNumber - first.DayNumber).Select(i => first.AddDays(i))
            .Select(d => new PlanDay(d, calendar.IsDayOff(d), calendar.HolidayName(d), byDay.GetValueOrDefault(d) ?? []))
            .ToArray();
        return true;
    }

    /// <summary>One cell of the calendar.</summary>
    public sealed record PlanDay(DateOnly Date, bool DayOff, string? Holiday, IReadOnlyList<string> Reminders);
}
