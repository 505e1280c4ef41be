using PartyAffairs.Scheduler.Calendar;

namespace PartyAffairs.Scheduler.Settings;

/// <summary>Checks a branch's settings before they are stored; the first problem is returned, typed, for the host to word.</summary>
public static class BranchSettingsValidator
{
    /// <summary>The most distinct themed-day dates a branch may list (a year's worth).</summary>
    public const int MaxDates = 366;

    /// <summary>The most distinct dues days (a month's worth).</summary>
    public const int MaxDuesDays = 31;

    /// <summary>The most distinct entries of the other lists (leads, secretary lead days, binding documents).</summary>
    public const int MaxShortList = 20;

    /// <summary>
    /// The settings with every list as a set: repeated entries dropped, themed dates in order. Lists that were sets already
    /// keep their objects, so a themed-day rule that did not change is still recognised as unchanged.
    /// </summary>
    public static BranchReminderSettings Normalize(BranchReminderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var themedDay = settings.ThemedDay;
        if (themedDay is { Dates.Count: > 0 } && !themedDay.Dates.SequenceEqual(themedDay.Dates.Distinct().Order()))
        {
            themedDay = themedDay with { Dates = [.. themedDay.Dates.Distinct().Order()] };
        }

        return settings with
        {
            DuesDays = Distinct(settings.DuesDays, EqualityComparer<int>.Default),
            Leads = Distinct(settings.Leads, EqualityComparer<ReminderLead>.Default),
            SecretaryLeadDays = Distinct(settings.SecretaryLeadDays, EqualityComparer<int>.Default),
            BindingDocuments = Distinct(settings.BindingDocuments, StringComparer.Ordinal),
            ThemedDay = themedDay,
        };
    }

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

        if (settings.ThemedDay?.Dates.Count > MaxDates || settings.DuesDays.Count > MaxDuesDays || settings.Leads.Count > MaxShortList
            || settings.SecretaryLeadDays.Count > MaxShortList || settings.BindingDocuments.Count > MaxShortList)
        {
            return new SettingsError(SettingsErrorCode.ListTooLong);
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

    private static IReadOnlyList<T> Distinct<T>(IReadOnlyList<T> items, IEqualityComparer<T> comparer)
    {
        var distinct = items.Distinct(comparer).ToArray();
        return distinct.Length == items.Count ? items : distinct;
    }

    /// <summary>True for an IANA zone id this machine knows (Windows ids such as “China Standard Time” are refused).</summary>
    public static bool IsIanaZone(string id) =>
        !string.IsNullOrWhiteSpace(id)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)
        && TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _);
}
