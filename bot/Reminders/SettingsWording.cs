using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.Reminders;

/// <summary>The words of the scheduler's typed settings errors and warnings (chat replies and the admin API's messages).</summary>
internal static class SettingsWording
{
    /// <summary>Why settings were refused, with an example.</summary>
    public static string Error(SettingsError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            SettingsErrorCode.UnknownTimeZone => ReminderTexts.UnknownTimeZone(error.Text ?? string.Empty),
            SettingsErrorCode.OrdinalOutOfRange => ReminderTexts.OrdinalTooLarge(error.Number, ReminderTexts.Weekday(error.Weekday)),
            SettingsErrorCode.DayOutOfRange => ReminderTexts.DayOutOfRange(error.Number),
            SettingsErrorCode.NoDates => ReminderTexts.ThemedDayUnreadable(string.Empty, error.ExampleDate),
            SettingsErrorCode.DateInPast => ReminderTexts.DateInPast(error.Date.GetValueOrDefault(), error.ExampleDate.GetValueOrDefault()),
            SettingsErrorCode.QuietHoursEmpty => ReminderTexts.QuietHoursEmpty,
            SettingsErrorCode.DuesDaysInvalid => ReminderTexts.DuesDaysUnreadable,
            SettingsErrorCode.LeadsMissing => ReminderTexts.LeadsUnreadable,
            SettingsErrorCode.LeadOutOfRange => ReminderTexts.LeadTooLong,
            SettingsErrorCode.LeadInQuietHours => ReminderTexts.LeadInQuietHours(error.Time.GetValueOrDefault()),
            SettingsErrorCode.UnknownDocument => ReminderTexts.UnknownDocument(error.Text ?? string.Empty, error.Known),
            SettingsErrorCode.ListTooLong => ReminderTexts.SettingsListTooLong(
                BranchSettingsValidator.MaxDates, BranchSettingsValidator.MaxDuesDays, BranchSettingsValidator.MaxShortList),
            _ => throw new NotSupportedException($"No words for the settings error {error.Code}."),
        };
    }

    /// <summary>A warning about saved settings.</summary>
    public static string Warning(SettingsWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return warning.Code switch
        {
            SettingsWarningCode.DayOff => CalendarTexts.DayOffWarning(warning.Date, warning.Holiday, warning.NearestBefore, warning.NearestAfter),
            SettingsWarningCode.MoreDaysOff => CalendarTexts.MoreDaysOff(warning.Count),
            SettingsWarningCode.ProvisionalYears => CalendarTexts.WarningsProvisional(warning.Years),
            _ => throw new NotSupportedException($"No words for the settings warning {warning.Code}."),
        };
    }
}
