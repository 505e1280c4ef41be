using Microsoft.Extensions.Logging;

namespace PartyAffairs.Scheduler.Jobs;

/// <summary>Log messages of the Quartz side (ids 4100–4199).</summary>
internal static partial class ReminderJobLog
{
    [LoggerMessage(4101, LogLevel.Debug, "Reminder trigger {Key} set for {Due:o}")]
    public static partial void TriggerSet(ILogger logger, string key, DateTimeOffset due);
}
