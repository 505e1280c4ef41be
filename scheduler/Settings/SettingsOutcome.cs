namespace PartyAffairs.Scheduler.Settings;

/// <summary>The result of a settings change: saved or refused, the reply to show, and the settings now in force.</summary>
public sealed record SettingsOutcome(bool Saved, string Reply, BranchReminderSettings Settings)
{
    /// <summary>Warnings about saved settings (a themed day on a day off, with the nearest working days); part of <see cref="Reply"/> too.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
