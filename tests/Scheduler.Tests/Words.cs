using PartyAffairs.Bot.Reminders;
using PartyAffairs.Scheduler.Planning;

namespace PartyAffairs.Scheduler.Tests;

/// <summary>The texts of planned reminders as the host words them (the scheduler itself carries no words).</summary>
internal static class Words
{
    /// <summary>The reminder's text as planned, or with the branch's <paramref name="progress"/> as it fans out.</summary>
    public static string Text(PlannedReminder reminder, ReminderProgress? progress = null) => ReminderWording.Text(reminder, progress);
}
