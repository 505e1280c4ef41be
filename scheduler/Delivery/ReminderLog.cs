using Microsoft.Extensions.Logging;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>The scheduler's log messages (ids 4000–4099); no message bodies, only ids.</summary>
internal static partial class ReminderLog
{
    [LoggerMessage(4001, LogLevel.Information, "Fanned out {Occurrence}: {Count} reminders queued")]
    public static partial void FannedOut(ILogger logger, string occurrence, int count);

    [LoggerMessage(4002, LogLevel.Information, "Dropped missed reminder {Occurrence}: due {DueAt:o}, no longer useful after {UsefulUntil:o}")]
    public static partial void DroppedMissed(ILogger logger, string occurrence, DateTimeOffset dueAt, DateTimeOffset usefulUntil);

    [LoggerMessage(4003, LogLevel.Warning, "No State Council holiday notice for {Year}; branch {Branch} uses that year's statutory days computed from the law (provisional, no adjusted workdays). Load the notice through PUT /api/admin/calendar/YYYY")]
    public static partial void CalendarMissing(ILogger logger, int year, string branch);

    [LoggerMessage(4004, LogLevel.Warning, "Reminder {Key} failed: {Error}")]
    public static partial void SendFailed(ILogger logger, string key, string? error);

    [LoggerMessage(4005, LogLevel.Debug, "Reminder {Key} retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string key, int attempt, TimeSpan delay);

    [LoggerMessage(4006, LogLevel.Warning, "Recovered {Count} reminders of stopped instance {Instance}; {Interrupted} were interrupted mid-send and recorded as failed")]
    public static partial void Recovered(ILogger logger, string instance, int count, int interrupted);

    [LoggerMessage(4007, LogLevel.Information, "{Count} members of branch {Branch} have no conversation yet and were not reminded of {Occurrence}")]
    public static partial void Unreachable(ILogger logger, string branch, string occurrence, int count);

    [LoggerMessage(4008, LogLevel.Information, "Reminder {Key} dropped: no longer useful")]
    public static partial void DroppedExpired(ILogger logger, string key);

    [LoggerMessage(4009, LogLevel.Error, "Reminder tick for branch {Branch} {Group} failed")]
    public static partial void TickFailed(ILogger logger, Exception exception, string branch, string group);

    [LoggerMessage(4010, LogLevel.Warning, "Shared rate limit of {Channel} unavailable (store unreachable); waiting {Delay} before asking again, nothing is sent meanwhile")]
    public static partial void RateLimitStoreDown(ILogger logger, Exception exception, string channel, TimeSpan delay);

    [LoggerMessage(4011, LogLevel.Warning, "Reminder {Key} is no longer claimed by this instance (its lease lapsed and another instance took it over); not sent here")]
    public static partial void ClaimLost(ILogger logger, string key);

    [LoggerMessage(4012, LogLevel.Debug, "Stopped instance {Instance} had no reminders in flight")]
    public static partial void RecoveredNothing(ILogger logger, string instance);
}
