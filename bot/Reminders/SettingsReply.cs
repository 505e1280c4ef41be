using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.Reminders;

/// <summary>The result of a settings change in words: saved or refused, the reply to show, and the settings now in force.</summary>
/// <param name="Saved">True when the new settings were stored.</param>
/// <param name="Reply">The reply: what was saved (with the warnings), or why not with an example.</param>
/// <param name="Settings">The settings in force.</param>
internal sealed record SettingsReply(bool Saved, string Reply, BranchReminderSettings Settings)
{
    /// <summary>Warnings about saved settings (a themed day on a day off, with the nearest working days); part of <see cref="Reply"/> too.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
