using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.Reminders;

/// <summary>A parsed settings command: either a change to apply (with a summary) or an error to show.</summary>
internal sealed record SettingsCommand
{
    /// <summary>The change; null when the command could not be read.</summary>
    public Func<BranchReminderSettings, BranchReminderSettings>? Apply { get; init; }

    /// <summary>What was set, for the reply.</summary>
    public string? Summary { get; init; }

    /// <summary>Why the command could not be read (with an example), or null.</summary>
    public string? Error { get; init; }

    /// <summary>A readable command.</summary>
    public static SettingsCommand Ok(string summary, Func<BranchReminderSettings, BranchReminderSettings> apply) => new() { Summary = summary, Apply = apply };

    /// <summary>An unreadable command.</summary>
    public static SettingsCommand Fail(string error) => new() { Error = error };
}
