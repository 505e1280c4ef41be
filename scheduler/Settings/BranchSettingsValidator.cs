using PartyAffairs.Scheduler.Calendar;

namespace PartyAffairs.Scheduler.Settings;

/// <summary>Checks a branch's settings before they are stored; the first problem is returned as a message with an example.</summary>
public static class BranchSettingsValidator
{
    /// <summary>
    /// Null when <paramref name="settings"/> are valid on <paramref name="today"/>; otherwise what is wrong. Example dates
    /// in the messages are working days of <paramref name="calendar"/>.
    /// </summary>
    public static string? Validate(BranchReminderSettings settings, DateOnly today, IReadOnlyCollection<string> knownDocuments, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(knownDocuments);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!IsIanaZone(settings.TimeZone))
        {
            return ReminderTexts.UnknownTimeZone(settings.TimeZone);
        }

        if (settings.ThemedDay is { } rule)
        {
            switch (rule.Kind)
            {
                case ThemedDayRuleKind.NthWeekday when rule.Ordinal is not (-1 or (>= 1 and <= 5)):
                    return ReminderTexts.OrdinalTooLarge(rule.Ordinal, "星期" + "日一二三四五六"[(int)rule.Weekday]);
                case ThemedDayRuleKind.DayOfMonth when rule.Day is < 1 or > 31:
                    return ReminderTexts.DayOutOfRange(rule.Day);
                case ThemedDayRuleKind.Dates when rule.Dates.Count == 0:
                    return ReminderTexts.ThemedDayUnreadable(string.Empty, calendar.ExampleDate(today));
                case ThemedDayRuleKind.Dates when rule.Dates.FirstOrDefault(d => d < today) is var past && past != default:
                    return ReminderTexts.DateInPast(past, calendar.ExampleDate(today));
            }
        }

        if (settings.QuietHours.Start == settings.QuietHours.End)
        {
            return ReminderTexts.QuietHoursEmpty;
        }

        if (settings.DuesDays.Count == 0 || settings.DuesDays.Any(d => d is < 1 or > 31))
        {
            return ReminderTexts.DuesDaysUnreadable;
        }

        if (settings.Leads.Count == 0)
        {
            return ReminderTexts.LeadsUnreadable;
        }

        if (settings.Leads.Any(l => l.DaysBefore is < 0 or > 30) || settings.SecretaryLeadDays.Any(d => d is < 0 or > 60))
        {
            return ReminderTexts.LeadTooLong;
        }

        if (settings.Leads.FirstOrDefault(l => settings.QuietHours.Contains(l.Time)) is { } quiet)
        {
            return ReminderTexts.LeadInQuietHours(quiet.Time);
        }

        if (settings.BindingDocuments.FirstOrDefault(id => !knownDocuments.Contains(id)) is { } unknown)
        {
            return ReminderTexts.UnknownDocument(unknown, knownDocuments);
        }

        return null;
    }

    /// <summary>True for an IANA zone id this machine knows (Windows ids such as “China Standard Time” are refused).</summary>
    public static bool IsIanaZone(string id) =>
        !string.IsNullOrWhiteSpace(id)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)
        && TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _);
}
