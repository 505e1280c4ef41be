namespace PartyAffairs.Scheduler.Settings;

/// <summary>The result of a settings change: saved or refused, the reply to show, and the settings now in force.</summary>
public sealed record SettingsOutcome(bool Saved, string Reply, BranchReminderSettings Settings);
