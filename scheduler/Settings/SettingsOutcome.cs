namespace PartyAffairs.Scheduler.Settings;

/// <summary>The result of a settings change: saved or refused (and why), the settings now in force, and warnings about them.</summary>
/// <param name="Saved">True when the new settings were stored.</param>
/// <param name="Settings">The settings in force: the new ones, or the previous ones when refused.</param>
public sealed record SettingsOutcome(bool Saved, BranchReminderSettings Settings)
{
    /// <summary>Why the change was refused; null when saved.</summary>
    public SettingsError? Error { get; init; }

    /// <summary>Warnings about saved settings (a themed day on a day off, with the nearest working days).</summary>
    public IReadOnlyList<SettingsWarning> Warnings { get; init; } = [];
}
