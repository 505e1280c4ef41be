namespace PartyAffairs.Scheduler.Settings;

/// <summary>Why settings were refused; the data each needs is on <see cref="SettingsError"/>.</summary>
public enum SettingsErrorCode
{
    /// <summary>The time zone (<see cref="SettingsError.Text"/>) is not an IANA id this machine knows.</summary>
    UnknownTimeZone,

    /// <summary>An Nth-weekday themed day beyond the fifth (<see cref="SettingsError.Number"/>, <see cref="SettingsError.Weekday"/>).</summary>
    OrdinalOutOfRange,

    /// <summary>A themed day of month outside 1–31 (<see cref="SettingsError.Number"/>).</summary>
    DayOutOfRange,

    /// <summary>A themed day of explicit dates without any date (<see cref="SettingsError.ExampleDate"/> for the example).</summary>
    NoDates,

    /// <summary>An explicit themed date already past (<see cref="SettingsError.Date"/>, <see cref="SettingsError.ExampleDate"/>).</summary>
    DateInPast,

    /// <summary>Quiet hours that start when they end.</summary>
    QuietHoursEmpty,

    /// <summary>No dues day, or one outside 1–31.</summary>
    DuesDaysInvalid,

    /// <summary>No event lead at all.</summary>
    LeadsMissing,

    /// <summary>An event lead outside 0–30 days or a secretary lead outside 0–60 days.</summary>
    LeadOutOfRange,

    /// <summary>An event lead's time (<see cref="SettingsError.Time"/>) inside the quiet hours.</summary>
    LeadInQuietHours,

    /// <summary>A binding document id (<see cref="SettingsError.Text"/>) the corpus lacks (<see cref="SettingsError.Known"/> lists the ids).</summary>
    UnknownDocument,

    /// <summary>A list longer than its bound once repeats are dropped (<see cref="BranchSettingsValidator.MaxDates"/> themed dates,
    /// <see cref="BranchSettingsValidator.MaxDuesDays"/> dues days, <see cref="BranchSettingsValidator.MaxShortList"/> otherwise).</summary>
    ListTooLong,
}
