namespace PartyAffairs.Scheduler.Settings;

/// <summary>What saved settings are warned about; the data each needs is on <see cref="SettingsWarning"/>.</summary>
public enum SettingsWarningCode
{
    /// <summary>A coming themed day (<see cref="SettingsWarning.Date"/>) is a day off: a holiday (<see cref="SettingsWarning.Holiday"/>) or a weekend day.</summary>
    DayOff,

    /// <summary>More themed days (<see cref="SettingsWarning.Count"/>) are days off than are listed.</summary>
    MoreDaysOff,

    /// <summary>Some warned days lie in years without a State Council notice (<see cref="SettingsWarning.Years"/>): computed from the law.</summary>
    ProvisionalYears,
}
