using PartyAffairs.Scheduler.Calendar;

namespace PartyAffairs.Scheduler.Settings;

/// <summary>Checks a branch's settings before they are stored; the first problem is returned, typed, for the host to word.</summary>
public static class BranchSettingsValidator
{
    /// <summary>
    /// Null when <paramref name="settings"/> are valid on <paramref name="today"/>; otherwise what is wrong. Example dates
    /// are working days of <paramref name="calendar"/>.
    /// </summary>
    public static SettingsError? Validate(BranchReminderSettings settings, DateOnly today, IReadOnlyCollection<string> knownDocuments, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(knownDocuments);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!IsIanaZone(settings.TimeZone))
        {
            return new SettingsError(SettingsErrorCode.UnknownTimeZone) { Text = settings.TimeZone };
        }

        if (settings.ThemedDay is { } rule)
        {
            switch (rule.Kind)
            {
                case ThemedDayRuleKind.NthWeekday when rule.Ordinal is not (-1 or (>= 1 and <= 5)):
                    return new SettingsError(SettingsErrorCode.OrdinalOutOfRange) { Number = rule.Ordinal, Weekday = rule.Weekday };
                case ThemedDayRuleKind.DayOfMonth when rule.Day is < 1 or > 31:
                    return new SettingsError(SettingsErrorCode.DayOutOfRange) { Number = rule.Day };
                case ThemedDayRuleKind.Dates when rule.Dates.Count == 0:
                    return new SettingsError(SettingsErrorCode.NoDates) { ExampleDate = calendar.ExampleDate(today) };
                case ThemedDayRuleKind.Dates when rule.Dates.FirstOrDefault(d => d < today) is var past && past != default:
                    return new SettingsError(SettingsErrorCode.DateInPast) { Date = past, ExampleDate = calendar.ExampleDate(today) };
            }
        }

        if (settings.QuietHours.Start == settings.QuietHours.End)
        {
            return new SettingsError(SettingsErrorCode.QuietHoursEmpty);
        }

        if (settings.DuesDays.Count == 0 || settings.DuesDays.Any(d => d is < 1 or > 31))
        {
            return new SettingsError(SettingsErrorCode.DuesDaysInvalid);
        }

        if (settings.Leads.Count == 0)
        {
            return new SettingsError(SettingsErrorCode.LeadsMissing);
        }

        if (settings.Leads.Any(l => l.DaysBefore is < 0 or > 30) || settings.SecretaryLeadDays.Any(d => d is < 0 or > 60))
        {
            return new SettingsError(SettingsErrorCode.LeadOutOfRange);
        }

        if (settings.Leads.FirstOrDefault(l => settings.QuietHours.Contains(l.Time)) is { } quiet)
        {
            return new SettingsError(SettingsErrorCode.LeadInQuietHours) { Time = quiet.Time };
        }

        if (settings.BindingDocuments.FirstOrDefault(id => !knownDocuments.Contains(id)) is { } unknown)
        {
            return new SettingsError(SettingsErrorCode.UnknownDocument) { Text = unknown, Known = [.. knownDocuments] };
        }

        return null;
    }

    /// <summary>True for an IANA zone id this machine knows (Windows ids such as “China Standard Time” are refused).</summary>
    public static bool IsIanaZone(string id) =>
        !string.IsNullOrWhiteSpace(id)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)
        && TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _);
}
