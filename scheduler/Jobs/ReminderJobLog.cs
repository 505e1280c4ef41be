using Microsoft.Extensions.Logging;

namespace PartyAffairs.Scheduler.Jobs;

/// <summary>Log messages of the Quartz side (ids 4100–4199).</summary>
internal static partial class ReminderJobLog
{
    [LoggerMessage(4101, LogLevel.Debug, "Reminder trigger {Key} set for {Due:o}")]
    public static partial void TriggerSet(ILogger logger, string key, DateTimeOffset due);

    [LoggerMessage(4102, LogLevel.Error, "Could not place the reminder triggers of branch {Branch}; the sync job tries again")]
    public static partial void PlaceFailed(ILogger logger, Exception exception, string branch);

    [LoggerMessage(4103, LogLevel.Warning, "Reminder start-up catch-up failed (attempt {Attempt}); trying again")]
    public static partial void StartupRetry(ILogger logger, Exception exception, int attempt);
}
