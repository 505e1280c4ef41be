using PartyAffairs.Bot.Conversation;
using PartyAffairs.Bot.Conversation.Commands;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Bot.State;
using PartyAffairs.Ledger.Dues;
using PartyAffairs.Ledger.Study;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.WebConsole;

/// <summary>
/// What the overview shows, read from the areas' own services: completion per duty this period (the same
/// <see cref="BranchProgress"/> as 完成情况), dues paid per month, study hours against quota, the next themed day and
/// the next reminders (the same planner as 查看提醒计划).
/// </summary>
internal sealed class ConsoleOverview(
    RosterStore roster, DutyTracker duties, BranchProgress progress, DuesService dues, StudyService study,
    BranchSettingsService settings, WorkingCalendar calendar, TimeProvider time)
{
    /// <summary>How many upcoming reminders the overview lists.</summary>
    public const int NextReminders = 8;

    /// <summary>Every tracked duty's progress in its current period.</summary>
    public async Task<IReadOnlyList<DutyProgress>> CompletionAsync(string branchId, CancellationToken cancellationToken)
    {
        var members = await roster.ListMembersAsync(branchId, cancellationToken);
        var today = Today(await settings.GetAsync(branchId, cancellationToken));
        return await Task.WhenAll(duties.All.Select(d => progress.OfAsync(branchId, d, members, today, cancellationToken)));
    }

    /// <summary>The progress on one duty (by kind), or null for an unknown kind.</summary>
    public async Task<DutyProgress?> CompletionAsync(string branchId, string kind, CancellationToken cancellationToken)
    {
        var duty = duties.All.FirstOrDefault(d => d.Kind == kind);
        if (duty is null)
        {
            return null;
        }

        var today = Today(await settings.GetAsync(branchId, cancellationToken));
        return await progress.OfAsync(branchId, duty, await roster.ListMembersAsync(branchId, cancellationToken), today, cancellationToken);
    }

    /// <summary>Dues paid in <paramref name="year"/>, per month (1–12): amount and who paid.</summary>
    public async Task<IReadOnlyList<MonthDues>> DuesAsync(string branchId, int year, CancellationToken cancellationToken)
    {
        var members = await roster.ListMembersAsync(branchId, cancellationToken);
        var months = Enumerable.Range(1, 12).Select(m => new MonthDues(m, 0m, [])).ToArray();
        foreach (var member in members)
        {
            var account = await dues.GetAsync(branchId, member.Id, year, cancellationToken);
            foreach (var payment in account?.Payments ?? [])
            {
                if (DateOnly.TryParseExact(payment.Month + "-01", "yyyy-MM-dd", out var month) && month.Year == year)
                {
                    var slot = months[month.Month - 1];
                    months[month.Month - 1] = slot with
                    {
                        Amount = slot.Amount + payment.Amount,
                        Payers = slot.Payers.Contains(member.Name) ? slot.Payers : [.. slot.Payers, member.Name],
                    };
                }
            }
        }

        return months;
    }

    /// <summary>Every member's study hours of <paramref name="year"/> against the quota.</summary>
    public async Task<IReadOnlyList<StudySummary>> StudyAsync(string branchId, int year, CancellationToken cancellationToken) =>
        await study.SummariesAsync(branchId, year, cancellationToken) ?? [];

    /// <summary>The settings, the next themed day (if set) and the next reminders.</summary>
    public async Task<UpcomingView> UpcomingAsync(string branchId, CancellationToken cancellationToken)
    {
        var (current, upcoming) = await settings.UpcomingAsync(branchId, ReminderSettingsService.PlanHorizon, cancellationToken);
        var zone = current.Zone();
        var today = Today(current);
        DateOnly? themed = current.ThemedDay is { } rule
            ? Enumerable.Range(0, 14).Select(i => today.AddMonths(i))
                .SelectMany(m => rule.DatesIn(m.Year, m.Month))
                .Where(d => d >= today).Order().Cast<DateOnly?>().FirstOrDefault()
            : null;
        DateOnly? shifted = themed is { } day && calendar.IsDayOff(day) ? calendar.Shift(day, current.HolidayShift) : null;
        var holiday = themed is { } date ? calendar.HolidayName(date) : null;
        return new UpcomingView(current, themed, shifted, holiday, upcoming.Take(NextReminders).ToArray(), zone);
    }

    /// <summary>Today in the branch's zone.</summary>
    public DateOnly Today(BranchReminderSettings current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), current.Zone()).DateTime);
    }

    /// <summary>Dues of one month.</summary>
    public sealed record MonthDues(int Month, decimal Amount, IReadOnlyList<string> Payers);

    /// <summary>The next themed day and reminders.</summary>
    public sealed record UpcomingView(
        BranchReminderSettings Settings, DateOnly? ThemedDay, DateOnly? ShiftedTo, string? Holiday,
        IReadOnlyList<PlannedReminder> Reminders, TimeZoneInfo Zone);
}
